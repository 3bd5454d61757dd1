import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"
import { DiscountedLines, promotionCodesOf } from "../../orders/promotion-codes"

export const validateGestureCouponsStepId = "validate-goodwill-gesture-coupons"

/** The cart being completed, as `completeCartWorkflow`'s `validate` hook passes it. */
export type ValidateGestureCouponsStepInput = {
  cart: DiscountedLines & {
    id: string
    customer_id?: string | null
    customer?: { id?: string | null } | null
    promotions?: ({ code?: string | null } | null)[] | null
  }
}

/**
 * Refuses to complete a cart that carries a goodwill coupon of another customer, or one that
 * is no longer usable (expired, already redeemed, not approved). It runs inside cart
 * completion (the `validate` hook of `completeCartWorkflow`), so a code applied to a guest cart
 * or passed around cannot be spent: the check is at checkout, not only when the code is applied.
 * A plain function as well as a step because Medusa allows one handler per hook: the shared
 * handler in `src/workflows/hooks/complete-cart.ts` calls it directly.
 */
export async function validateGestureCoupons(
  { cart }: ValidateGestureCouponsStepInput,
  container: { resolve<T>(key: string): T }
): Promise<void> {
  const codes = [
    ...new Set([
      ...(cart.promotions ?? []).map((p) => p?.code).filter((c): c is string => !!c),
      ...promotionCodesOf(cart),
    ]),
  ]
  if (!codes.length) {
    return
  }
  const gestures = container.resolve<GesturesModuleService>(AftersalesModules.GESTURES)
  const found = await gestures.listGestures({ code: codes })
  const customerId = cart.customer_id ?? cart.customer?.id ?? null
  const now = Date.now()
  for (const gesture of found) {
    if (gesture.customer_id !== customerId) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The code ${gesture.code} is a personal goodwill coupon and belongs to another customer`
      )
    }
    if (gesture.status !== "issued") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The code ${gesture.code} cannot be used: its gesture is ${gesture.status}`
      )
    }
    if (new Date(gesture.expires_at).getTime() <= now) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The code ${gesture.code} expired on ${new Date(gesture.expires_at).toISOString().slice(0, 10)}`
      )
    }
  }
}

/** `validateGestureCoupons` as a step, for workflows of one's own. */
export const validateGestureCouponsStep = createStep(
  validateGestureCouponsStepId,
  async (input: ValidateGestureCouponsStepInput, { container }) => {
    await validateGestureCoupons(input, container)
    return new StepResponse(void 0)
  }
)
