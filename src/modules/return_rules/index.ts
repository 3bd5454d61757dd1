import { Module } from "@medusajs/framework/utils"
import { AftersalesModules } from "../../types/modules"
import ReturnRulesModuleService from "./service"

export const RETURN_RULES_MODULE = AftersalesModules.RETURN_RULES

export default Module(RETURN_RULES_MODULE, {
  service: ReturnRulesModuleService,
})

export * from "./rules"
