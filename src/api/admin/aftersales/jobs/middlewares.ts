import { MiddlewareRoute } from "@medusajs/framework/http"
import { AftersalesPermissions } from "../../../../types/permissions"

export const adminAftersalesJobsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/aftersales/jobs/:name/run",
    policies: [AftersalesPermissions.RUN_JOBS],
  },
]
