import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreDelayChoiceResponse } from "../../../../../types/http/delays"
import { chooseDelayOption } from "../../../../../workflows/delays"
import { StoreChooseDelayOptionType } from "./validators"

/**
 * The shopper answers a proactive delay ticket: wait, or cancel (refused once shipped). Only
 * the ticket's own customer may answer; anyone else gets the 404 of a missing ticket.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreChooseDelayOptionType>,
  res: MedusaResponse<StoreDelayChoiceResponse>
) => {
  const result = await chooseDelayOption(req.scope, {
    ticket_id: req.params.id,
    customer_id: req.auth_context.actor_id,
    choice: req.validatedBody.choice,
  })
  res.json({ delay_choice: result })
}
