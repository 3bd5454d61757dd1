import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validate-query"
import { StoreGetGesturesParams } from "./validators"

export const storeGesturesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/gestures",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(StoreGetGesturesParams)],
  },
]
