import type { AdminSupportTicket } from "../../types/http/support"
import type { GestureKind, GestureStatus } from "../../workflows/gestures/types"
import type {
  TicketCategory,
  TicketChannel,
  TicketPriority,
  TicketSource,
  TicketStatus,
} from "../../workflows/support/types"

// The admin bundle cannot import the models' runtime constants (they pull in the server's
// framework), so the choices are listed here; a `Record` over the server's union type makes
// the compiler refuse a list that misses or invents a value.
const keys = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[]

export const TICKET_STATUSES = keys<TicketStatus>({
  open: true,
  pending_customer: true,
  resolved: true,
  closed: true,
})
export const TICKET_CATEGORIES = keys<TicketCategory>({
  delay: true,
  damaged: true,
  wrong_item: true,
  missing_item: true,
  return: true,
  refund: true,
  payment: true,
  other: true,
})
export const TICKET_PRIORITIES = keys<TicketPriority>({
  low: true,
  normal: true,
  high: true,
  urgent: true,
})
export const TICKET_CHANNELS = keys<TicketChannel>({
  web: true,
  email: true,
  phone: true,
  chat: true,
  social: true,
  system: true,
})
export const TICKET_SOURCES = keys<TicketSource>({ customer: true, proactive: true, admin: true })
export const GESTURE_KINDS = keys<GestureKind>({
  percentage: true,
  fixed: true,
  free_shipping: true,
  store_credit: true,
  points: true,
})

/** Statuses an agent may set directly; `resolved` only comes from the resolve action. */
export const SETTABLE_STATUSES: TicketStatus[] = ["open", "pending_customer", "closed"]

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** The same colours as the order widget: open needs work, waiting is blue, done is green. */
export const ticketStatusColor = (status: TicketStatus): BadgeColor =>
  ({ open: "orange", pending_customer: "blue", resolved: "green", closed: "grey" } as const)[status]

export const priorityColor = (priority: TicketPriority): BadgeColor =>
  ({ low: "grey", normal: "blue", high: "orange", urgent: "red" } as const)[priority]

export const gestureStatusColor = (status: GestureStatus): BadgeColor =>
  ({ pending_approval: "orange", issued: "green", redeemed: "blue", cancelled: "grey", revoked: "red" } as const)[
    status
  ]

/** How close a ticket is to missing its SLA: shown as a badge in the inbox and on the ticket. */
export type SlaState =
  | { state: "breached"; due: string | null }
  | { state: "due_soon"; due: string }
  | { state: "on_track"; due: string }
  | { state: "none" }

/** A ticket is "due soon" when its next due time is less than this away. */
export const SLA_DUE_SOON_MS = 4 * 60 * 60 * 1000

/**
 * Mirrors the sla-check job: only open and waiting tickets run a clock; the first response is
 * due until an agent answers, then the resolution. A due time already passed counts as
 * breached even before the job has flagged it, so the inbox never shows a late ticket as fine.
 */
export function slaState(ticket: AdminSupportTicket, now = Date.now()): SlaState {
  if (ticket.status !== "open" && ticket.status !== "pending_customer") {
    return ticket.sla_breached_at ? { state: "breached", due: null } : { state: "none" }
  }
  const dues = [
    ticket.first_responded_at ? null : ticket.first_response_due_at,
    ticket.resolution_due_at,
  ].filter((d): d is string => !!d)
  const due = dues.sort((a, b) => new Date(a).getTime() - new Date(b).getTime())[0]
  if (ticket.sla_breached_at) {
    return { state: "breached", due: due ?? null }
  }
  if (!due) {
    return { state: "none" }
  }
  const left = new Date(due).getTime() - now
  if (left < 0) {
    return { state: "breached", due }
  }
  return left < SLA_DUE_SOON_MS ? { state: "due_soon", due } : { state: "on_track", due }
}

/** "Ayşe Yılmaz" or the e-mail when the customer has no name. */
export function customerName(customer: AdminSupportTicket["customer"]): string {
  if (!customer) return "—"
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
  return name || customer.email
}
