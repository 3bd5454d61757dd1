import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CartBeingCompleted,
  CartPointsCompensation,
  redeemCartPoints,
  refundCartPoints,
} from "../loyalty/cart-redemption"
import { loyaltyService } from "../loyalty/utils"
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

type OrderCreatedHook = (
  invoke: (
    input: { order_id: string; cart_id: string },
    context: { container: MedusaContainer }
  ) => Promise<void>
) => void

// Core declares `orderCreated` (its docs name it among the last things the completion does)
// but leaves it out of the workflow's typed hooks, so it is typed here. Were a Medusa upgrade
// to drop it, the plugin would fail to load rather than silently stop naming orders.
const orderCreatedHook = (completeCartWorkflow.hooks as unknown as { orderCreated?: OrderCreatedHook })
  .orderCreated
if (!orderCreatedHook) {
  throw new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    "completeCartWorkflow has no orderCreated hook: this Medusa version is not supported"
  )
}

/**
 * The order exists: the cart's `redeem` entry (debited in `validate`, before the order) names
 * it now, in the completion itself, so the shopper's history shows the order as soon as the
 * completion answers and the worker has nothing to do for it. One update by the cart's id,
 * matching nothing for a cart paid without points. Core runs this hook only for the completion
 * that created the order (a retried completion answers the existing order without it), and
 * the update skips an entry already named. Nothing to compensate: after this hook core only
 * releases the cart's lock, and a compensated completion refunds the points in `validate`'s
 * compensation, the entry then no longer spendable whatever it names.
 */
orderCreatedHook(async ({ order_id, cart_id }, { container }) => {
  await loyaltyService(container).attachRedemptionOrder([cart_id], order_id)
})
