import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../admin/support-tickets/validate-query"
import { StoreGetGesturesParams } from "./validators"

export const storeGesturesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/gestures",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(StoreGetGesturesParams)],
  },
]
