import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateLoyaltyPageQuery } from "./validators"

export const storeLoyaltyMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/loyalty*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    methods: ["GET"],
    matcher: "/store/loyalty/transactions",
    middlewares: [validateLoyaltyPageQuery],
  },
]
