import { MiddlewareRoute } from "@medusajs/framework/http"
import { AftersalesPermissions } from "../../../../types/permissions"

export const adminAftersalesOverviewMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/aftersales/overview",
    policies: [AftersalesPermissions.READ_OVERVIEW],
  },
]
