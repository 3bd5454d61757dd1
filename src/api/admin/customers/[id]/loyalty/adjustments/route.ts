import { randomUUID } from "crypto"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AdminLoyaltyAdjustmentResponse } from "../../../../../../types/http/loyalty"
import { adjustLoyaltyPointsWorkflow } from "../../../../../../workflows/loyalty"
import {
  loyaltyAccountView,
  toTransactionView,
} from "../../../../../../workflows/loyalty/account-view"
import { assertCustomerExists } from "../helpers"
import { AdminCreateLoyaltyAdjustmentType } from "../validators"

/**
 * Adds or removes points with a reason. A debit below zero is refused (400). An
 * `Idempotency-Key` header makes a retried request adjust once.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateLoyaltyAdjustmentType>,
  res: MedusaResponse<AdminLoyaltyAdjustmentResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  const header = req.get("idempotency-key")
  const { result } = await adjustLoyaltyPointsWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      points: req.validatedBody.points,
      reason: req.validatedBody.reason,
      idempotency_key: header
        ? `admin-adjust:${req.params.id}:${header}`
        : `admin-adjust:${req.params.id}:${randomUUID()}`,
      created_by: req.auth_context.actor_id,
    },
  })
  res.json({
    transaction: toTransactionView(result),
    loyalty: await loyaltyAccountView(req.scope, req.params.id),
  })
}
