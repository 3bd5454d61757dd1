import { MiddlewareRoute } from "@medusajs/framework/http"
import { PolicyOperation } from "@medusajs/framework/utils"
import { validateBody } from "../../../../utils/validate-body"
import { AdminEraseCustomerAftersales } from "./validators"

export const adminCustomerAftersalesEraseMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/aftersales-erase",
    middlewares: [validateBody(AdminEraseCustomerAftersales)],
    // Erasing is deleting the customer's data: who may delete customers may erase it.
    policies: [{ resource: "customer", operation: PolicyOperation.delete }],
  },
]
