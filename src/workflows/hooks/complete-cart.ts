import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CartBeingCompleted,
  CartPointsCompensation,
  redeemCartPoints,
  refundCartPoints,
} from "../loyalty/cart-redemption"
import {
  validateGestureCoupons,
  ValidateGestureCouponsStepInput,
} from "../gestures/steps/validate-gesture-coupons"

type GestureCouponCart = ValidateGestureCouponsStepInput["cart"]

/** What this hook undoes when completion fails after it ran, one key per domain. */
type CompleteCartHookCompensation = { loyalty: CartPointsCompensation }

/**
 * Medusa allows one handler per hook, so every domain's check at cart completion lives here,
 * each in its own function. Runs before the order is created: anything that throws stops the
 * completion; the compensation runs when a later step (inventory, payment) fails.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container, context }) => {
    // A completed cart already has its order: Medusa runs this hook again when a storefront
    // retries the completion, and answers with that order. Its coupon is redeemed by now and
    // its points were debited (and maybe refunded since, by a cancel): nothing to check or take.
    if ((cart as { completed_at?: Date | string | null }).completed_at) {
      return new StepResponse<void, CompleteCartHookCompensation>(undefined, { loyalty: null })
    }
    // First, before anything that would need undoing: a goodwill coupon only its owner may use.
    await validateGestureCoupons({ cart: cart as GestureCouponCart }, container)
    const loyalty = await redeemCartPoints(cart as CartBeingCompleted, {
      container,
      eventGroupId: context.eventGroupId,
    })
    return new StepResponse<void, CompleteCartHookCompensation>(undefined, { loyalty })
  },
  async (data, { container }) => {
    await refundCartPoints(data?.loyalty, { container })
  }
)
