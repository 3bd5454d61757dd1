import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAftersalesSettingsMiddlewares } from "./admin/aftersales/settings/middlewares"

export default defineMiddlewares({
  routes: [...adminAftersalesSettingsMiddlewares],
})
