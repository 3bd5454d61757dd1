import { z } from "@medusajs/framework/zod"
import { TICKET_CATEGORIES, TICKET_STATUSES } from "../../../types/support"
import { paginationParams } from "../../utils/validate-query"

const text = (max: number) => z.string().trim().min(1).max(max)

export const StoreGetSupportTicketsParams = z.strictObject({
  ...paginationParams,
  status: z.enum(TICKET_STATUSES).optional(),
})
export type StoreGetSupportTicketsParamsType = z.infer<typeof StoreGetSupportTicketsParams>

export const StoreCreateSupportTicket = z.strictObject({
  category: z.enum(TICKET_CATEGORIES),
  subject: text(200),
  body: text(5000),
  /** One of the shopper's own orders. */
  order_id: z.string().min(1).max(100).optional(),
})
export type StoreCreateSupportTicketType = z.infer<typeof StoreCreateSupportTicket>

export const StoreCreateSupportTicketMessage = z.strictObject({
  body: text(5000),
})
export type StoreCreateSupportTicketMessageType = z.infer<typeof StoreCreateSupportTicketMessage>

export const StoreRateSupportTicket = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: text(2000).optional(),
})
export type StoreRateSupportTicketType = z.infer<typeof StoreRateSupportTicket>
