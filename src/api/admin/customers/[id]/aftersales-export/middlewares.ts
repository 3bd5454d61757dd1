import { MiddlewareRoute } from "@medusajs/framework/http"
import { PolicyOperation } from "@medusajs/framework/utils"

export const adminCustomerAftersalesExportMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/aftersales-export",
    // Reading a customer's data, as core's customer routes declare it.
    policies: [{ resource: "customer", operation: PolicyOperation.read }],
  },
]
