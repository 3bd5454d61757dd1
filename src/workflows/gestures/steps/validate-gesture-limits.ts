import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { GesturePolicy } from "../../../types/settings"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"
import { GesturePlan, LIVE_GESTURE_STATUSES } from "../types"

export const validateGestureLimitsStepId = "validate-goodwill-gesture-limits"

/** The planned gesture and the policy that bounds it. */
export type ValidateGestureLimitsStepInput = {
  /** What is about to be issued (null: nothing, nothing to check). */
  plan: GesturePlan | null
  /** The category's policy; without one the agent's gesture has no caps. */
  policy: GesturePolicy | null
  /** The order's total for the share cap; null without an order. */
  order_total: number | null
}

const DAY = 24 * 60 * 60 * 1000
/** Statuses that count against caps and budgets: a cancelled or revoked gesture costs nothing. */
const COUNTED = [...LIVE_GESTURE_STATUSES]

/**
 * Checks the policy's limits against what is already booked: the per-customer cap over 90
 * days, the monthly budget of the currency, the share of the order. A refusal is a 400 that
 * names the limit. Both counts are read-then-write, so the issuing workflow runs this step
 * and the write of the record under a per-customer lock and a per-currency budget lock: two
 * gestures at once (for one customer or for many) cannot both pass on the same room.
 */
export const validateGestureLimitsStep = createStep(
  validateGestureLimitsStepId,
  async ({ plan, policy, order_total }: ValidateGestureLimitsStepInput, { container }) => {
    if (!plan || !policy) {
      return new StepResponse(void 0)
    }
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    const since90 = new Date(Date.now() - 90 * DAY)
    const [, recent] = await gestures.listAndCountGestures(
      { customer_id: plan.customer_id, status: COUNTED, created_at: { $gte: since90 } },
      { select: ["id"] }
    )
    if (recent >= policy.max_per_customer_90d) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Customer ${plan.customer_id} already received ${recent} gesture(s) in the last 90 days; the ${policy.category} policy allows ${policy.max_per_customer_90d}`
      )
    }
    const amount = MathBN.convert(plan.amount)
    const budget = policy.monthly_budget[plan.currency_code]
    if (budget !== undefined) {
      const now = new Date()
      const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
      const thisMonth = await gestures.listGestures(
        { currency_code: plan.currency_code, status: COUNTED, created_at: { $gte: monthStart } },
        { select: ["id", "amount"] }
      )
      const spent = thisMonth.reduce((sum, g) => MathBN.add(sum, g.amount), MathBN.convert(0))
      if (MathBN.gt(MathBN.add(spent, amount), budget)) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `The monthly gesture budget for ${plan.currency_code} would be exceeded: ${spent.toString()} of ${budget} spent, this gesture costs ${amount.toString()}`
        )
      }
    }
    if (order_total !== null && policy.max_order_share < 1) {
      const cap = MathBN.mult(order_total, policy.max_order_share)
      if (MathBN.gt(amount, cap)) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `The gesture (${amount.toString()} ${plan.currency_code}) exceeds ${policy.max_order_share * 100}% of the order total`
        )
      }
    }
    return new StepResponse(void 0)
  }
)
