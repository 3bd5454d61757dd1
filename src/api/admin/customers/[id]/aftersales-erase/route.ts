import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AdminAftersalesEraseResponse } from "../../../../../types/http/privacy"
import {
  eraseCustomerAftersalesWorkflow,
  retrieveCustomerEvenDeleted,
} from "../../../../../workflows/privacy"
import { AdminEraseCustomerAftersalesType } from "./validators"

/**
 * Erases a customer's after-sales personal data on their request (right to erasure) with the
 * rules used when a customer is deleted: texts erased, figures kept, points closed out.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminEraseCustomerAftersalesType>,
  res: MedusaResponse<AdminAftersalesEraseResponse>
) => {
  // 404 for an id that never was a customer, before anything is written.
  await retrieveCustomerEvenDeleted(req.scope, req.params.id)
  const { result } = await eraseCustomerAftersalesWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      reason: "erasure_request",
      requested_by: req.auth_context.actor_id,
    },
  })
  res.json({ erasure: result })
}
