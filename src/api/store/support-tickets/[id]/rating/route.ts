import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreSupportTicketResponse } from "../../../../../types/http/support"
import { rateSupportTicketWorkflow } from "../../../../../workflows/support"
import { fetchStoreTicket } from "../../helpers"
import { StoreRateSupportTicketType } from "../../validators"

/** Rates the latest resolution 1–5, once (a second rating of the same resolution is a 400). */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreRateSupportTicketType>,
  res: MedusaResponse<StoreSupportTicketResponse>
) => {
  const customerId = req.auth_context.actor_id
  await rateSupportTicketWorkflow(req.scope).run({
    input: {
      ticket_id: req.params.id,
      customer_id: customerId,
      score: req.validatedBody.score,
      comment: req.validatedBody.comment,
    },
  })
  res.json({ ticket: await fetchStoreTicket(req.scope, req.params.id, customerId) })
}
