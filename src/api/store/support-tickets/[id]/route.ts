import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreSupportTicketResponse } from "../../../../types/http/support"
import { fetchStoreTicket } from "../helpers"

/** One of the shopper's tickets with its conversation (no internal notes). */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreSupportTicketResponse>
) => {
  res.json({
    ticket: await fetchStoreTicket(req.scope, req.params.id, req.auth_context.actor_id),
  })
}
