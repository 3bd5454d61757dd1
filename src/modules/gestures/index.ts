import { Module } from "@medusajs/framework/utils"
import { AftersalesModules } from "../../types/modules"
import GesturesModuleService from "./service"

export const GESTURES_MODULE = AftersalesModules.GESTURES

export default Module(GESTURES_MODULE, {
  service: GesturesModuleService,
})

export { GESTURE_STATUSES } from "../../types/gestures"
