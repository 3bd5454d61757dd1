import { MiddlewareRoute } from "@medusajs/framework/http"
import { AftersalesPermissions } from "../../../types/permissions"
import { validateQuery } from "../../utils/validate-query"
import { requirePerson } from "../../utils/require-person"
import { validateBody } from "../../utils/validate-body"
import { AdminApproveGesture, AdminGetGesturesParams } from "./validators"

export const adminGesturesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/gestures",
    middlewares: [validateQuery(AdminGetGesturesParams)],
    policies: [AftersalesPermissions.READ_GESTURES],
  },
  {
    methods: ["POST"],
    matcher: "/admin/gestures/:id/approve",
    middlewares: [requirePerson("Approving a gesture"), validateBody(AdminApproveGesture)],
    policies: [AftersalesPermissions.APPROVE_GESTURES],
  },
]
