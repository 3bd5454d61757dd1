import { z } from "@medusajs/framework/zod"
import { GESTURE_KINDS } from "../../../types/gestures"
import {
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUSES,
} from "../../../types/support"
import { paginationParams } from "../../utils/validate-query"

const id = z.string().min(1).max(100)
const text = (max: number) => z.string().trim().min(1).max(max)

export const AdminGetSupportTicketsParams = z.strictObject({
  ...paginationParams,
  status: z.enum(TICKET_STATUSES).optional(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  source: z.enum(TICKET_SOURCES).optional(),
  order_id: id.optional(),
  customer_id: id.optional(),
  q: z.string().trim().max(200).optional(),
  breached: z.enum(["true", "false"]).optional(),
})
export type AdminGetSupportTicketsParamsType = z.infer<typeof AdminGetSupportTicketsParams>

export const AdminCreateSupportTicket = z.strictObject({
  customer_id: id,
  order_id: id.optional(),
  category: z.enum(TICKET_CATEGORIES),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  channel: z.enum(TICKET_CHANNELS).default("phone"),
  subject: text(200),
  /** What the customer said, recorded by the agent. */
  body: text(5000).optional(),
})
export type AdminCreateSupportTicketType = z.infer<typeof AdminCreateSupportTicket>

export const AdminUpdateSupportTicket = z
  .strictObject({
    status: z.enum(["open", "pending_customer", "closed"]).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    assignee_id: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "nothing to update" })
export type AdminUpdateSupportTicketType = z.infer<typeof AdminUpdateSupportTicket>

export const AdminCreateSupportTicketMessage = z.strictObject({
  body: text(5000),
  /** An internal note: never shown to the shopper. */
  internal: z.boolean().default(false),
})
export type AdminCreateSupportTicketMessageType = z.infer<typeof AdminCreateSupportTicketMessage>

export const AdminResolveSupportTicket = z.strictObject({
  outcome: text(200),
  note: text(5000).optional(),
  gesture: z
    .union([
      z.enum(["policy", "none"]),
      z
        .strictObject({
          kind: z.enum(GESTURE_KINDS),
          value: z.number().positive().max(1_000_000),
          currency_code: z.string().regex(/^[a-z]{3}$/).optional(),
        })
        // A percentage above 100 would take more than the cart; points are whole.
        .refine((g) => g.kind !== "percentage" || g.value <= 100, {
          message: "a percentage is at most 100",
          path: ["value"],
        })
        .refine((g) => g.kind !== "points" || Number.isInteger(g.value), {
          message: "points are whole numbers",
          path: ["value"],
        }),
    ])
    .optional(),
})
export type AdminResolveSupportTicketType = z.infer<typeof AdminResolveSupportTicket>
