import { Module } from "@medusajs/framework/utils"
import { AftersalesModules } from "../../types/modules"
import DelayWatchService from "./service"

export const DELAY_WATCH_MODULE = AftersalesModules.DELAY_WATCH

export default Module(DELAY_WATCH_MODULE, {
  service: DelayWatchService,
})

export * from "./types"
export { estimateNewDelivery, promiseFor } from "./promise"
