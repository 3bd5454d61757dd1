import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AdminSupportTicketResponse } from "../../../../../types/http/support"
import { replyToSupportTicketWorkflow } from "../../../../../workflows/support"
import { fetchAdminTicket } from "../../helpers"
import { AdminCreateSupportTicketMessageType } from "../../validators"

/** An agent replies to the customer, or adds an internal note (`internal: true`). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateSupportTicketMessageType>,
  res: MedusaResponse<AdminSupportTicketResponse>
) => {
  await replyToSupportTicketWorkflow(req.scope).run({
    input: {
      ticket_id: req.params.id,
      author_type: "agent",
      author_id: req.auth_context.actor_id,
      body: req.validatedBody.body,
      internal: req.validatedBody.internal,
    },
  })
  res.status(201).json({ ticket: await fetchAdminTicket(req.scope, req.params.id) })
}
