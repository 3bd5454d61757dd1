import type { GestureChoice } from "../../types/gestures"
import type {
  MessageAuthorType,
  TicketCategory,
  TicketChannel,
  TicketPriority,
  TicketSource,
  TicketStatus,
} from "../../types/support"

export type {
  GestureChoice,
  MessageAuthorType,
  TicketCategory,
  TicketChannel,
  TicketPriority,
  TicketSource,
  TicketStatus,
}

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

