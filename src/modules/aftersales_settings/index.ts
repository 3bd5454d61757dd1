import { Module } from "@medusajs/framework/utils"
import { AftersalesModules } from "../../types/modules"
import validateOptionsLoader from "./loaders/validate-options"
import AftersalesSettingsService from "./service"

export const AFTERSALES_SETTINGS_MODULE = AftersalesModules.SETTINGS

export default Module(AFTERSALES_SETTINGS_MODULE, {
  service: AftersalesSettingsService,
  loaders: [validateOptionsLoader],
})

export * from "./schemas"
export { DEFAULT_SETTINGS } from "./defaults"
