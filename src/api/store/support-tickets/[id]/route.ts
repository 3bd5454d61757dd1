import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreSupportTicketResponse } from "../../../../types/http/support"
import { fetchStoreTicket } from "../helpers"
import { fetchStoreDelayChoice } from "./delay-choice/helpers"

/** One of the shopper's tickets with its conversation (no internal notes) and, for a delay, its choice. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreSupportTicketResponse>
) => {
  const ticket = await fetchStoreTicket(req.scope, req.params.id, req.auth_context.actor_id)
  const delayChoice = await fetchStoreDelayChoice(req.scope, ticket.id)
  res.json({ ticket: delayChoice ? { ...ticket, delay_choice: delayChoice } : ticket })
}
