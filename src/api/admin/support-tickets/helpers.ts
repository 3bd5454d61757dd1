import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AdminSupportTicket } from "../../../types/http/support"

/** The fields of a ticket in the admin list. */
export const ADMIN_TICKET_LIST_FIELDS = [
  "id",
  "display_id",
  "customer_id",
  "order_id",
  "category",
  "status",
  "priority",
  "channel",
  "source",
  "subject",
  "assignee_id",
  "first_response_due_at",
  "first_responded_at",
  "resolution_due_at",
  "sla_breached_at",
  "sla_breach",
  "resolved_at",
  "outcome",
  "created_at",
  "updated_at",
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
]

/** The list fields plus the conversation and resolutions. */
export const ADMIN_TICKET_FIELDS = [
  ...ADMIN_TICKET_LIST_FIELDS,
  "messages.id",
  "messages.author_type",
  "messages.author_id",
  "messages.body",
  "messages.internal",
  "messages.created_at",
  "resolutions.id",
  "resolutions.outcome",
  "resolutions.note",
  "resolutions.resolved_by",
  "resolutions.rating_score",
  "resolutions.rating_comment",
  "resolutions.rated_at",
  "resolutions.created_at",
]

/** `#1001` for display_id 1: the number people quote. */
export function ticketNumber(displayId: number) {
  return `#${1000 + Number(displayId)}`
}

const byCreatedAt = (a: { created_at: unknown }, b: { created_at: unknown }) =>
  new Date(a.created_at as string).getTime() - new Date(b.created_at as string).getTime()

/** Adds the number and puts messages and resolutions in time order. */
export function toAdminTicket(raw: Record<string, any>): AdminSupportTicket {
  return {
    ...raw,
    number: ticketNumber(raw.display_id),
    ...(raw.messages ? { messages: [...raw.messages].sort(byCreatedAt) } : {}),
    ...(raw.resolutions ? { resolutions: [...raw.resolutions].sort(byCreatedAt) } : {}),
  } as AdminSupportTicket
}

/** One ticket with its conversation, or a 404 naming it. */
export async function fetchAdminTicket(
  scope: MedusaContainer,
  id: string
): Promise<AdminSupportTicket> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [ticket],
  } = await query.graph({ entity: "support_ticket", fields: ADMIN_TICKET_FIELDS, filters: { id } })
  if (!ticket) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Support ticket with id ${id} was not found`)
  }
  return toAdminTicket(ticket)
}
