import { refreshCartItemsWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CartPointsSnapshot,
  restoreCartPoints,
  revalueCartPoints,
} from "../loyalty/steps/revalue-cart-points"

/**
 * Medusa allows one handler per hook, so every domain's work on a cart refresh lives here.
 * Core runs this refresh after items, quantities, region, currency, promotion codes given to
 * `POST /store/carts/:id`, the shipping method or the customer change, and this hook runs
 * before the payment collection is refreshed: that refresh reads the cart again, so the amount
 * to authorize includes the re-valued credit.
 */
refreshCartItemsWorkflow.hooks.beforeRefreshingPaymentCollection(
  async ({ input }, { container }) => {
    const loyalty = await revalueCartPoints(input.cart_id, { container })
    return new StepResponse<void, { loyalty: CartPointsSnapshot }>(undefined, { loyalty })
  },
  async (data, { container }) => {
    await restoreCartPoints(data?.loyalty, { container })
  }
)
