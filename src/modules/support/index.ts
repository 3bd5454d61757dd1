import { Module } from "@medusajs/framework/utils"
import { AftersalesModules } from "../../types/modules"
import SupportModuleService from "./service"

export const SUPPORT_MODULE = AftersalesModules.SUPPORT

export default Module(SUPPORT_MODULE, {
  service: SupportModuleService,
})

export { SupportTicket } from "./models/support-ticket"
export {
  MESSAGE_AUTHOR_TYPES,
  TICKET_CHANNELS,
  TICKET_SOURCES,
  TICKET_STATUSES,
} from "../../types/support"
