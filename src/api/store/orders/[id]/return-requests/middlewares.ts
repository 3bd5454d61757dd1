import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../../utils/validate-body"
import { StoreCreateReturnRequest } from "./validators"

export const storeReturnRequestsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/orders/:id/return-requests",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateBody(StoreCreateReturnRequest),
    ],
  },
]
