import type {
  MessageAuthorType,
  TicketCategory,
  TicketChannel,
  TicketPriority,
  TicketSource,
  TicketStatus,
} from "../support"

/** A message as the shopper sees it (internal notes are never included). */
export interface StoreSupportMessage {
  id: string
  author_type: MessageAuthorType
  body: string
  created_at: string
}

/** A ticket as its customer sees it. */
export interface StoreSupportTicket {
  id: string
  /** `#1001`, the number to quote. */
  number: string
  status: TicketStatus
  category: TicketCategory
  /** Who opened it: `customer`, `proactive` (the store reached out, e.g. a delay) or `admin`. */
  source: TicketSource
  subject: string
  order_id: string | null
  outcome: string | null
  resolved_at: string | null
  created_at: string
  updated_at: string
  /** True when the latest resolution waits for the shopper's 1–5 rating. */
  rating_requested: boolean
  /** The rating of the latest resolution, once given. */
  rating: { score: number; comment: string | null } | null
  /** Only on `GET /store/support-tickets/:id` and after a reply. */
  messages?: StoreSupportMessage[]
  /** Only on `GET /store/support-tickets/:id` of a proactive delay ticket: what may be chosen now. */
  delay_choice?: StoreDelayChoiceOptions
}

/** The choice a delay ticket offers, as Medusa would accept it now. */
export interface StoreDelayChoiceOptions {
  /** The choice recorded so far. */
  choice: "wait" | "cancel" | null
  /** What `POST /store/support-tickets/:id/delay-choice` accepts now (`wait`, and `cancel` when Medusa would cancel the order). */
  options: ("wait" | "cancel")[]
  /** Why cancel is not offered (shipped, being packed, completed, canceled); null when it is. */
  cancel_unavailable_reason: string | null
}

export interface StoreSupportTicketResponse {
  ticket: StoreSupportTicket
}

export interface StoreSupportTicketListResponse {
  tickets: StoreSupportTicket[]
  count: number
  offset: number
  limit: number
}

/** A message as an agent sees it. */
export interface AdminSupportMessage extends StoreSupportMessage {
  author_id: string | null
  internal: boolean
}

/** One resolution of a ticket. */
export interface AdminTicketResolution {
  id: string
  outcome: string
  note: string | null
  resolved_by: string | null
  rating_score: number | null
  rating_comment: string | null
  rated_at: string | null
  created_at: string
}

/** A ticket as an agent sees it. */
export interface AdminSupportTicket {
  id: string
  number: string
  display_id: number
  customer_id: string
  order_id: string | null
  category: TicketCategory
  status: TicketStatus
  priority: TicketPriority
  channel: TicketChannel
  source: TicketSource
  subject: string
  assignee_id: string | null
  first_response_due_at: string | null
  first_responded_at: string | null
  resolution_due_at: string | null
  sla_breached_at: string | null
  sla_breach: "first_response" | "resolution" | null
  resolved_at: string | null
  outcome: string | null
  created_at: string
  updated_at: string
  customer?: { id: string; email: string; first_name: string | null; last_name: string | null } | null
  messages?: AdminSupportMessage[]
  resolutions?: AdminTicketResolution[]
}

export interface AdminSupportTicketResponse {
  ticket: AdminSupportTicket
}

export interface AdminSupportTicketListResponse {
  tickets: AdminSupportTicket[]
  count: number
  offset: number
  limit: number
}

/** `POST /admin/support-tickets/:id/resolve` */
export interface AdminResolveSupportTicketResponse {
  ticket: AdminSupportTicket
  resolution_id: string
  gesture_id: string | null
  /** Why no gesture was issued although one was asked for (one gesture per delay incident). */
  gesture_skipped_reason: string | null
}

/** `GET /admin/aftersales/jobs/sla-check` work: how many tickets were newly flagged. */
export interface SlaCheckSummary {
  flagged: number
}
