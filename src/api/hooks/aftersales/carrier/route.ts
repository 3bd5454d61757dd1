import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CarrierWebhookResponse } from "../../../../types/http/delays"
import { reportCarrierExceptionWorkflow } from "../../../../workflows/delays"
import { CarrierWebhookBodyType } from "./validators"

/**
 * A carrier or tracking service reports an exception. Signed with a time (see
 * `verifyCarrierSignature`); an unknown tracking number is a 404; a replay answers the first
 * report's incident; a report that cannot be true of the parcel now (closed watch, stale, from
 * the future) answers `created: false` with the reason in `ignored`.
 */
export const POST = async (
  req: MedusaRequest<CarrierWebhookBodyType>,
  res: MedusaResponse<CarrierWebhookResponse>
) => {
  const body = req.validatedBody
  const { result } = await reportCarrierExceptionWorkflow(req.scope).run({
    input: {
      tracking_number: body.tracking_number,
      fulfillment_id: body.fulfillment_id,
      exception: body.exception,
      occurred_at: body.occurred_at ?? null,
    },
  })
  res.json({
    received: true,
    order_id: result.order_id,
    incident_id: result.incident_id,
    created: result.created,
    ticket_id: result.ticket_id,
    ignored: result.ignored,
  })
}
