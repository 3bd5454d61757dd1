import { MiddlewareRoute } from "@medusajs/framework/http"
import { AftersalesPermissions } from "../../../../types/permissions"
import { requirePerson } from "../../../utils/require-person"
import { validateBody } from "../../../utils/validate-body"
import { AdminUpdateAftersalesSettings } from "./validators"

export const adminAftersalesSettingsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/aftersales/settings",
    policies: [AftersalesPermissions.READ_SETTINGS],
  },
  {
    methods: ["POST"],
    matcher: "/admin/aftersales/settings",
    middlewares: [
      requirePerson("Changing the aftersales settings"),
      validateBody(AdminUpdateAftersalesSettings),
    ],
    policies: [AftersalesPermissions.UPDATE_SETTINGS],
  },
]
