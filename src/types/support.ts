/**
 * The support module's choices, shared by its models, the settings schemas, workflows, routes
 * and the admin. Plain values only: no framework or module imports.
 */

/** What a ticket is about; also picks the gesture policy. */
export const TICKET_CATEGORIES = [
  "delay",
  "damaged",
  "wrong_item",
  "missing_item",
  "return",
  "refund",
  "payment",
  "other",
] as const
export type TicketCategory = (typeof TICKET_CATEGORIES)[number]

/** How urgent a ticket is; decides its SLA due times. */
export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]

export const TICKET_STATUSES = ["open", "pending_customer", "resolved", "closed"] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

/** Where the customer reached the store. */
export const TICKET_CHANNELS = ["web", "email", "phone", "chat", "social", "system"] as const
export type TicketChannel = (typeof TICKET_CHANNELS)[number]

/** Who opened the ticket. */
export const TICKET_SOURCES = ["customer", "proactive", "admin"] as const
export type TicketSource = (typeof TICKET_SOURCES)[number]

/** Who wrote a message of a ticket. */
export const MESSAGE_AUTHOR_TYPES = ["customer", "agent", "system"] as const
export type MessageAuthorType = (typeof MESSAGE_AUTHOR_TYPES)[number]
