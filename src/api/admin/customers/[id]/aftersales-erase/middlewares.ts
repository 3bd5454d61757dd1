import { MiddlewareRoute } from "@medusajs/framework/http"
import { AftersalesPermissions } from "../../../../../types/permissions"
import { requirePerson } from "../../../../utils/require-person"
import { validateBody } from "../../../../utils/validate-body"
import { AdminEraseCustomerAftersales } from "./validators"

export const adminCustomerAftersalesEraseMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/aftersales-erase",
    // Erasing cannot be undone: a signed-in person asks for it, never a secret API key.
    middlewares: [requirePerson("Erasing a customer's data"), validateBody(AdminEraseCustomerAftersales)],
    policies: [AftersalesPermissions.ERASE_CUSTOMER_DATA],
  },
]
