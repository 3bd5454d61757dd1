import {
  acquireLockStep,
  refreshPaymentCollectionForCartWorkflow,
  releaseLockStep,
  updateCartPromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revalueCartPointsStep } from "../steps/revalue-cart-points"

export const updateCartPromotionsWithPointsWorkflowId = "update-cart-promotions-with-loyalty-points"

/** The promotion codes a shopper adds to or removes from a cart. */
export type UpdateCartPromotionsWithPointsWorkflowInput = {
  /** The cart. */
  cart_id: string
  /** The codes to add, replace with, or remove. */
  promo_codes: string[]
  /** `add`, `replace` or `remove`, as core's `updateCartPromotionsWorkflow` takes it. */
  action: PromotionActions
}

/**
 * Core's promotion update followed by the points re-valuation and then the payment collection
 * refresh. Core's store promotions route runs `updateCartPromotionsWorkflow` alone, which is
 * not a cart refresh: a promotion added after points would lower the total before credit and
 * leave a credit above the share (or a negative total), and the payment collection would be
 * refreshed before the credit is fixed.
 */
export const updateCartPromotionsWithPointsWorkflow = createWorkflow(
  updateCartPromotionsWithPointsWorkflowId,
  (input: UpdateCartPromotionsWithPointsWorkflowInput) => {
    acquireLockStep({ key: input.cart_id, timeout: 2, ttl: 10 })
    const result = updateCartPromotionsWorkflow.runAsStep({
      input: {
        cart_id: input.cart_id,
        promo_codes: input.promo_codes,
        action: input.action,
        force_refresh_payment_collection: false,
      },
    })
    revalueCartPointsStep({ cart_id: input.cart_id })
    refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(result)
  }
)
