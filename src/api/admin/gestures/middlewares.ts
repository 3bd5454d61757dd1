import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../support-tickets/validate-query"
import { validateBody } from "../../utils/validate-body"
import { AdminApproveGesture, AdminGetGesturesParams } from "./validators"

export const adminGesturesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/gestures",
    middlewares: [validateQuery(AdminGetGesturesParams)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/gestures/:id/approve",
    middlewares: [validateBody(AdminApproveGesture)],
  },
]
