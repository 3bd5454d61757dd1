import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE, LoyaltyPointsBonusApi } from "../external-modules"

export const awardGesturePointsStepId = "award-goodwill-gesture-points"

/** A points gesture to credit. */
export type AwardGesturePointsStepInput = {
  gesture_id: string
  customer_id: string
  points: number
}

/**
 * Credits the points through the loyalty ledger. The ledger is idempotent on the key
 * `gesture:<id>`, so a retried workflow never credits twice. It runs last in its workflows:
 * nothing after it can fail and leave points without a gesture.
 */
export const awardGesturePointsStep = createStep(
  awardGesturePointsStepId,
  async (input: AwardGesturePointsStepInput, { container }) => {
    const loyalty = container.resolve<LoyaltyPointsBonusApi>(LOYALTY_POINTS_MODULE)
    await loyalty.addBonusPoints({
      customer_id: input.customer_id,
      points: Math.floor(input.points),
      reason: "Goodwill gesture",
      idempotency_key: `gesture:${input.gesture_id}`,
      source: "gesture",
      reference_id: input.gesture_id,
    })
    return new StepResponse({ gesture_id: input.gesture_id })
  }
)
