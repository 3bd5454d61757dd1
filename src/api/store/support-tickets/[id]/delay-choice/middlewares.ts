import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../../utils/validate-body"
import { StoreChooseDelayOption } from "./validators"

export const storeDelayChoiceMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/support-tickets/:id/delay-choice",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateBody(StoreChooseDelayOption)],
  },
]
