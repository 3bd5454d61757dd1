import {
  acquireLockStep,
  createCartCreditLinesWorkflow,
  deleteCartCreditLinesWorkflow,
  refreshPaymentCollectionForCartWorkflow,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { validateCartRedemptionStep } from "../steps/validate-cart-redemption"
import { LOYALTY_CREDIT_LINE_REFERENCE } from "../utils"

export const applyLoyaltyPointsToCartWorkflowId = "apply-loyalty-points-to-cart"

/** What the shopper applies. */
export type ApplyLoyaltyPointsToCartWorkflowInput = {
  /** The cart. */
  cart_id: string
  /** The logged-in shopper (must own the cart). */
  customer_id: string
  /** Whole points; ignored when `max` is set. */
  points?: number
  /** Apply the most the limits allow. */
  max?: boolean
}

/** The cart fields the redemption checks read. */
export const CART_REDEMPTION_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "total",
  "completed_at",
  "items.id",
  "credit_lines.*",
]

/**
 * Applies points to a cart as a credit line (`reference: "loyalty_points"`) worth
 * points × point value, replacing any earlier one, then refreshes the payment collection so
 * the amount to authorize matches the new total. Points are only debited at completion.
 */
export const applyLoyaltyPointsToCartWorkflow = createWorkflow(
  applyLoyaltyPointsToCartWorkflowId,
  (input: ApplyLoyaltyPointsToCartWorkflowInput) => {
    // Core's own key for the cart: a points change and a cart change (items, region,
    // promotions, completion) never interleave, so neither prices the credit on a stale total.
    acquireLockStep({ key: input.cart_id, timeout: 5, ttl: 30 })
    const { data: cart } = useQueryGraphStep({
      entity: "cart",
      fields: CART_REDEMPTION_FIELDS,
      filters: { id: input.cart_id },
      options: { isList: false, throwIfKeyNotFound: true },
    })
    const redemption = validateCartRedemptionStep({
      cart,
      customer_id: input.customer_id,
      points: input.points,
      max: input.max,
    })
    when("remove-previous-points-credit", { redemption }, ({ redemption }) => {
      return redemption.remove_credit_line_ids.length > 0
    }).then(() => {
      deleteCartCreditLinesWorkflow.runAsStep({
        input: { id: redemption.remove_credit_line_ids },
      })
    })
    const creditLine = transform({ input, redemption }, ({ input, redemption }) => ({
      cart_id: input.cart_id,
      amount: redemption.amount,
      reference: LOYALTY_CREDIT_LINE_REFERENCE,
      reference_id: input.customer_id,
      metadata: { points: redemption.points },
    }))
    createCartCreditLinesWorkflow.runAsStep({ input: [creditLine] })
    refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(redemption)
  }
)
