import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../../utils/validate-body"
import { StorePayExchangeDifference } from "./validators"

export const storeExchangePaymentMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/orders/:id/exchange-payment",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateBody(StorePayExchangeDifference),
    ],
  },
]
