import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreSupportTicketResponse } from "../../../../../types/http/support"
import { replyToSupportTicketWorkflow } from "../../../../../workflows/support"
import { fetchStoreTicket } from "../../helpers"
import { StoreCreateSupportTicketMessageType } from "../../validators"

/** The shopper replies; a reply within the reopen window reopens a resolved ticket. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCreateSupportTicketMessageType>,
  res: MedusaResponse<StoreSupportTicketResponse>
) => {
  const customerId = req.auth_context.actor_id
  await replyToSupportTicketWorkflow(req.scope).run({
    input: {
      ticket_id: req.params.id,
      customer_id: customerId,
      author_type: "customer",
      author_id: customerId,
      body: req.validatedBody.body,
    },
  })
  res.status(201).json({ ticket: await fetchStoreTicket(req.scope, req.params.id, customerId) })
}
