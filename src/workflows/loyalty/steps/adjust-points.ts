import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { expiryFor } from "../../../modules/loyalty_points/points-math"
import { LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import { assertRegisteredCustomer, loyaltyService, loyaltySettings } from "../utils"

export const adjustLoyaltyPointsStepId = "adjust-loyalty-points"

/** An admin's correction of a customer's points. */
export type AdjustLoyaltyPointsStepInput = {
  /** The customer whose balance changes. */
  customer_id: string
  /** Signed whole points; a debit may not take the balance below zero. */
  points: number
  /** Why, shown in the ledger. */
  reason: string
  /** Makes a retried request adjust once. */
  idempotency_key: string
  /** The admin user who made it. */
  created_by?: string | null
}

/**
 * Writes an `adjust` entry (a credit expires per the settings). A credit goes to registered
 * customers only (NOT_ALLOWED for a guest); a debit is allowed, so points a guest holds from
 * before this rule can be taken back. Compensation writes the
 * opposite adjustment, so a failed workflow leaves the balance as it was.
 */
export const adjustLoyaltyPointsStep = createStep(
  adjustLoyaltyPointsStepId,
  async (input: AdjustLoyaltyPointsStepInput, { container }) => {
    if (input.points > 0) {
      await assertRegisteredCustomer(container, input.customer_id)
    }
    const settings = await loyaltySettings(container)
    const entry = await loyaltyService(container).adjustPoints({
      ...input,
      expires_at: expiryFor(new Date(), settings.expiry_months),
    })
    return new StepResponse<LoyaltyTransactionDTO, LoyaltyTransactionDTO>(entry, entry)
  },
  async (entry, { container }) => {
    if (!entry) {
      return
    }
    await loyaltyService(container).adjustPoints({
      customer_id: entry.customer_id,
      points: -entry.points,
      reason: `undo ${entry.id}`,
      idempotency_key: `undo:${entry.id}`,
      expires_at: entry.expires_at ? new Date(entry.expires_at) : null,
    })
  }
)
