import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  AdminSupportTicketListResponse,
  AdminSupportTicketResponse,
} from "../../../types/http/support"
import { createSupportTicketWorkflow } from "../../../workflows/support"
import { ADMIN_TICKET_LIST_FIELDS, fetchAdminTicket, toAdminTicket } from "./helpers"
import {
  AdminCreateSupportTicketType,
  AdminGetSupportTicketsParamsType,
} from "./validators"

/** The support inbox: tickets, newest first, with filters. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSupportTicketsParamsType>,
  res: MedusaResponse<AdminSupportTicketListResponse>
) => {
  const { limit, offset, q, breached, ...equal } = req.validatedQuery as AdminGetSupportTicketsParamsType
  const filters: Record<string, unknown> = { ...equal }
  if (breached) {
    filters.sla_breached_at = breached === "true" ? { $ne: null } : null
  }
  if (q) {
    const number = /^#?\d+$/.test(q) ? Number(q.replace("#", "")) - 1000 : null
    filters.$or = [
      { subject: { $ilike: `%${q}%` } },
      ...(number !== null && number > 0 ? [{ display_id: number }] : []),
    ]
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "support_ticket",
    fields: ADMIN_TICKET_LIST_FIELDS,
    filters,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({
    tickets: data.map(toAdminTicket),
    count: metadata?.count ?? data.length,
    offset,
    limit,
  })
}

/** An agent opens a ticket for a customer, e.g. after a phone call. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateSupportTicketType>,
  res: MedusaResponse<AdminSupportTicketResponse>
) => {
  const body = req.validatedBody
  const { result } = await createSupportTicketWorkflow(req.scope).run({
    input: {
      customer_id: body.customer_id,
      order_id: body.order_id,
      category: body.category,
      priority: body.priority,
      channel: body.channel,
      source: "admin",
      subject: body.subject,
      message: body.body
        ? { author_type: "agent", author_id: req.auth_context.actor_id, body: body.body, internal: false }
        : undefined,
    },
  })
  res.status(201).json({ ticket: await fetchAdminTicket(req.scope, result.id) })
}
