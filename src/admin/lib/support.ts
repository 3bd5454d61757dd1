import type { GestureStatus } from "../../types/gestures"
import type { AdminSupportTicket } from "../../types/http/support"
import type { TicketPriority, TicketStatus } from "../../types/support"

// The same lists the server validates against: plain TS under src/types, safe in the admin bundle.
export { GESTURE_KINDS } from "../../types/gestures"
export {
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUSES,
} from "../../types/support"

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
