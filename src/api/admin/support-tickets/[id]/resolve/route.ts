import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AdminResolveSupportTicketResponse } from "../../../../../types/http/support"
import { resolveSupportTicketWorkflow } from "../../../../../workflows/support"
import { fetchAdminTicket } from "../../helpers"
import { AdminResolveSupportTicketType } from "../../validators"

/**
 * Resolves the ticket with an outcome and at most one gesture. A gesture refused by a cap or
 * the budget answers 400 with the reason and resolves nothing.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminResolveSupportTicketType>,
  res: MedusaResponse<AdminResolveSupportTicketResponse>
) => {
  const { result } = await resolveSupportTicketWorkflow(req.scope).run({
    input: {
      ticket_id: req.params.id,
      outcome: req.validatedBody.outcome,
      note: req.validatedBody.note,
      gesture: req.validatedBody.gesture,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.json({
    ticket: await fetchAdminTicket(req.scope, req.params.id),
    resolution_id: result.resolution_id,
    gesture_id: result.gesture_id,
    gesture_skipped_reason: result.gesture_skipped_reason,
  })
}
