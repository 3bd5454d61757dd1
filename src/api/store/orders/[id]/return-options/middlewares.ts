import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

export const storeReturnOptionsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/orders/:id/return-options",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
