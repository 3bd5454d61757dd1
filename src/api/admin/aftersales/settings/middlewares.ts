import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate-body"
import { AdminUpdateAftersalesSettings } from "./validators"

export const adminAftersalesSettingsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/aftersales/settings",
    middlewares: [validateBody(AdminUpdateAftersalesSettings)],
  },
]
