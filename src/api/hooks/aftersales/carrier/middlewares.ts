import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate-body"
import { CarrierWebhookBody } from "./validators"
import { verifyCarrierSignature } from "./verify-signature"

export const carrierWebhookMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/hooks/aftersales/carrier",
    // The signature covers the bytes as sent: keep them next to the parsed body.
    bodyParser: { preserveRawBody: true },
    middlewares: [verifyCarrierSignature, validateBody(CarrierWebhookBody)],
  },
]
