import type { GesturePolicy } from "../../modules/aftersales_settings/schemas"
import type {
  TICKET_CHANNELS,
  TICKET_SOURCES,
  TICKET_STATUSES,
} from "../../modules/support/models/support-ticket"
import type { MESSAGE_AUTHOR_TYPES } from "../../modules/support/models/support-message"
import type { TICKET_CATEGORIES, TICKET_PRIORITIES } from "../../modules/aftersales_settings/schemas"

export type TicketCategory = (typeof TICKET_CATEGORIES)[number]
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]
export type TicketChannel = (typeof TICKET_CHANNELS)[number]
export type TicketSource = (typeof TICKET_SOURCES)[number]
export type TicketStatus = (typeof TICKET_STATUSES)[number]
export type MessageAuthorType = (typeof MESSAGE_AUTHOR_TYPES)[number]

/** A message on a ticket. */
export type TicketMessageInput = {
  /** Who wrote it. */
  author_type: MessageAuthorType
  /** The customer or admin user id (none for system messages). */
  author_id?: string | null
  /** The text. */
  body: string
  /** An agent note the shopper never sees. */
  internal?: boolean
}

/** Input of `createSupportTicketWorkflow`. */
export type CreateSupportTicketInput = {
  /** The customer the ticket is for. */
  customer_id: string
  /** An order of that customer the ticket is about. */
  order_id?: string | null
  /** What the case is about. */
  category: TicketCategory
  /** Decides the SLA due times; `normal` by default. */
  priority?: TicketPriority
  /** Where the customer reached the store. */
  channel: TicketChannel
  /** Who opened it: the customer, the store proactively, or an agent. */
  source: TicketSource
  /** One line people see in lists. */
  subject: string
  /** The first message. */
  message?: TicketMessageInput
  /** Makes retries and races open one ticket (e.g. `delay:<order_id>:<stage>`). */
  idempotency_key?: string
}

/** What an agent may choose as the gesture of a resolution. */
export type GestureChoice =
  | "policy"
  | "none"
  | { kind: GesturePolicy["kind"]; value: number; currency_code?: string }
