import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../../utils/validate-body"
import { StoreApplyCartLoyaltyPoints } from "./validators"

export const storeCartLoyaltyPointsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET", "POST", "DELETE"],
    matcher: "/store/carts/:id/loyalty-points",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    methods: ["POST"],
    matcher: "/store/carts/:id/loyalty-points",
    middlewares: [validateBody(StoreApplyCartLoyaltyPoints)],
  },
]
