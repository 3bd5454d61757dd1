import { MedusaService } from "@medusajs/framework/utils"
import { SupportMessage, SupportTicket, TicketResolution } from "./models"

/** Tickets, their messages and resolutions. The rules live in the support workflows. */
export default class SupportModuleService extends MedusaService({
  SupportTicket,
  SupportMessage,
  TicketResolution,
}) {}
