import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  StoreSupportTicketListResponse,
  StoreSupportTicketResponse,
} from "../../../types/http/support"
import { createSupportTicketWorkflow } from "../../../workflows/support"
import { fetchStoreTicket, STORE_TICKET_FIELDS, toStoreTicket } from "./helpers"
import { StoreCreateSupportTicketType, StoreGetSupportTicketsParamsType } from "./validators"

/** The shopper's own tickets, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetSupportTicketsParamsType>,
  res: MedusaResponse<StoreSupportTicketListResponse>
) => {
  const { limit, offset, status } = req.validatedQuery as StoreGetSupportTicketsParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "support_ticket",
    fields: STORE_TICKET_FIELDS,
    filters: { customer_id: req.auth_context.actor_id, ...(status ? { status } : {}) },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ tickets: data.map(toStoreTicket), count: metadata?.count ?? data.length, offset, limit })
}

/** Opens a ticket, on one of the shopper's own orders or on none. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCreateSupportTicketType>,
  res: MedusaResponse<StoreSupportTicketResponse>
) => {
  const customerId = req.auth_context.actor_id
  const body = req.validatedBody
  const { result } = await createSupportTicketWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      order_id: body.order_id,
      category: body.category,
      channel: "web",
      source: "customer",
      subject: body.subject,
      message: { author_type: "customer", author_id: customerId, body: body.body },
    },
  })
  res.status(201).json({ ticket: await fetchStoreTicket(req.scope, result.id, customerId) })
}
