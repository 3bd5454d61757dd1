import { Module } from "@medusajs/framework/utils"
import { AftersalesModules } from "../../types/modules"
import LoyaltyPointsService from "./service"

export const LOYALTY_POINTS_MODULE = AftersalesModules.LOYALTY_POINTS

export default Module(LOYALTY_POINTS_MODULE, {
  service: LoyaltyPointsService,
})

export * from "./types"
export * from "./points-math"
export * from "./birthday"
export { LOYALTY_TRANSACTION_TYPES } from "./models"
