import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StoreSupportTicket } from "../../../types/http/support"
import { ticketNumber } from "../../admin/support-tickets/helpers"

/** What a shopper may read of a ticket: no SLA, assignee, notes or internal ids. */
export const STORE_TICKET_FIELDS = [
  "id",
  "display_id",
  "customer_id",
  "status",
  "category",
  "source",
  "subject",
  "order_id",
  "outcome",
  "resolved_at",
  "created_at",
  "updated_at",
  "resolutions.id",
  "resolutions.rating_score",
  "resolutions.rating_comment",
  "resolutions.rated_at",
  "resolutions.created_at",
]

const MESSAGE_FIELDS = [
  "messages.id",
  "messages.author_type",
  "messages.body",
  "messages.internal",
  "messages.created_at",
]

const time = (v: unknown) => new Date(v as string).getTime()

/**
 * The shopper's view of a ticket. Internal notes are dropped here, in the one place every
 * store response goes through.
 */
export function toStoreTicket(raw: Record<string, any>): StoreSupportTicket {
  const resolutions = [...(raw.resolutions ?? [])].sort((a, b) => time(a.created_at) - time(b.created_at))
  const latest = resolutions[resolutions.length - 1]
  const resolved = raw.status === "resolved" || raw.status === "closed"
  const ticket: StoreSupportTicket = {
    id: raw.id,
    number: ticketNumber(raw.display_id),
    status: raw.status,
    category: raw.category,
    source: raw.source,
    subject: raw.subject,
    order_id: raw.order_id ?? null,
    outcome: raw.outcome ?? null,
    resolved_at: raw.resolved_at ?? null,
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    rating_requested: resolved && !!latest && !latest.rated_at,
    rating:
      resolved && latest?.rated_at
        ? { score: latest.rating_score, comment: latest.rating_comment ?? null }
        : null,
  }
  if (raw.messages) {
    ticket.messages = raw.messages
      .filter((m: Record<string, any>) => !m.internal)
      .sort((a: Record<string, any>, b: Record<string, any>) => time(a.created_at) - time(b.created_at))
      .map((m: Record<string, any>) => ({
        id: m.id,
        author_type: m.author_type,
        body: m.body,
        created_at: m.created_at,
      }))
  }
  return ticket
}

/**
 * The shopper's own ticket with its conversation. Another shopper's ticket is a 404 like a
 * missing one: its existence is not disclosed.
 */
export async function fetchStoreTicket(
  scope: MedusaContainer,
  id: string,
  customerId: string
): Promise<StoreSupportTicket> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [ticket],
  } = await query.graph({
    entity: "support_ticket",
    fields: [...STORE_TICKET_FIELDS, ...MESSAGE_FIELDS],
    filters: { id, customer_id: customerId },
  })
  if (!ticket) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Support ticket with id ${id} was not found`)
  }
  return toStoreTicket(ticket)
}
