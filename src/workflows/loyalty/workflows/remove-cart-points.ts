import {
  acquireLockStep,
  deleteCartCreditLinesWorkflow,
  refreshPaymentCollectionForCartWorkflow,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { validateCartOwnerStep } from "../steps/validate-cart-owner"
import { CART_REDEMPTION_FIELDS } from "./apply-cart-points"

export const removeLoyaltyPointsFromCartWorkflowId = "remove-loyalty-points-from-cart"

/** The cart whose points credit is removed. */
export type RemoveLoyaltyPointsFromCartWorkflowInput = {
  /** The cart. */
  cart_id: string
  /** The logged-in shopper (must own the cart). */
  customer_id: string
}

/**
 * Removes the points credit from a cart and refreshes its payment collection, so no stale
 * credit stays behind. Removing when nothing is applied changes nothing.
 */
export const removeLoyaltyPointsFromCartWorkflow = createWorkflow(
  removeLoyaltyPointsFromCartWorkflowId,
  (input: RemoveLoyaltyPointsFromCartWorkflowInput) => {
    // Core's own key for the cart: a points change and a cart change (items, region,
    // promotions, completion) never interleave, so neither prices the credit on a stale total.
    acquireLockStep({ key: input.cart_id, timeout: 5, ttl: 30 })
    const { data: cart } = useQueryGraphStep({
      entity: "cart",
      fields: CART_REDEMPTION_FIELDS,
      filters: { id: input.cart_id },
      options: { isList: false, throwIfKeyNotFound: true },
    })
    const ids = validateCartOwnerStep({ cart, customer_id: input.customer_id })
    when("remove-points-credit", { ids }, ({ ids }) => ids.length > 0).then(() => {
      deleteCartCreditLinesWorkflow.runAsStep({ input: { id: ids } })
      refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
    })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse({ removed: ids })
  }
)
