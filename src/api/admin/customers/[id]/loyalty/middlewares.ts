import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateLoyaltyPageQuery } from "../../../../store/loyalty/validators"
import { validateBody } from "../../../../utils/validate-body"
import { AdminCreateLoyaltyAdjustment } from "./validators"

export const adminCustomerLoyaltyMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/loyalty",
    middlewares: [validateLoyaltyPageQuery],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/loyalty/adjustments",
    middlewares: [validateBody(AdminCreateLoyaltyAdjustment)],
  },
]
