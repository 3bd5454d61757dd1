import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { expiryFor } from "../../../modules/loyalty_points/points-math"
import { AddBonusPointsInput } from "../../../modules/loyalty_points/types"
import { assertRegisteredCustomer, loyaltyService, loyaltySettings } from "../utils"

export const addBonusPointsStepId = "add-loyalty-bonus-points"

/** A bonus to credit; expiry comes from the live settings. */
export type AddBonusPointsStepInput = Omit<AddBonusPointsInput, "expires_at">

/**
 * Credits bonus points once per idempotency key (signup, birthday, gesture), to registered
 * customers only (NOT_ALLOWED for a guest). Compensation takes back only a bonus this run
 * created.
 */
export const addBonusPointsStep = createStep(
  addBonusPointsStepId,
  async (input: AddBonusPointsStepInput, { container }) => {
    await assertRegisteredCustomer(container, input.customer_id)
    const settings = await loyaltySettings(container)
    const service = loyaltyService(container)
    const before = await service.listLoyaltyTransactions(
      { idempotency_key: input.idempotency_key },
      { select: ["id"] }
    )
    const entry = await service.addBonusPoints({
      ...input,
      expires_at: expiryFor(new Date(), settings.expiry_months),
    })
    return new StepResponse(entry, before.length ? undefined : entry)
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    await loyaltyService(container).adjustPoints({
      customer_id: created.customer_id,
      points: -created.points,
      reason: `undo ${created.id}`,
      idempotency_key: `undo:${created.id}`,
    })
  }
)
