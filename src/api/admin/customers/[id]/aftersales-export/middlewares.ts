import { MiddlewareRoute } from "@medusajs/framework/http"
import { AftersalesPermissions } from "../../../../../types/permissions"

// Core's `/admin/customers/*` asks `customer:read` as well.
export const adminCustomerAftersalesExportMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/aftersales-export",
    policies: [AftersalesPermissions.EXPORT_CUSTOMER_DATA],
  },
]
