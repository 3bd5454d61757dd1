import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PlacedOrder, PlacedOrderInput, placedOrderOf } from "../../orders/placed-order"
import { LOYALTY_CREDIT_LINE_REFERENCE, loyaltyService } from "../utils"

export const attachRedemptionOrderStepId = "attach-loyalty-redemption-order"

/** The order that was placed (its id, and the order itself when the caller already read it). */
export type AttachRedemptionOrderStepInput = PlacedOrderInput

/** Whether a placed order was paid (in part) with points: it carries their credit line. */
export function paidWithPoints(order: Pick<PlacedOrder, "credit_lines">): boolean {
  return (order.credit_lines ?? []).some((l) => l?.reference === LOYALTY_CREDIT_LINE_REFERENCE)
}

/**
 * Names the placed order on the `redeem` entry of the cart it was completed from, so the
 * shopper's history says which order the points paid for. Found through core's order-cart
 * link; idempotent (a redelivered `order.placed` changes nothing). Nothing to compensate: it
 * only fills in a reference that was empty.
 */
export const attachRedemptionOrderStep = createStep(
  attachRedemptionOrderStepId,
  async (input: AttachRedemptionOrderStepInput, { container }) => {
    const order = await placedOrderOf(container, input)
    if (!order || !paidWithPoints(order)) {
      return new StepResponse({ attached: 0 })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["cart_id"],
      filters: { order_id: order.id },
    })
    const cartIds = (links as { cart_id: string }[]).map((l) => l.cart_id)
    const named = await loyaltyService(container).attachRedemptionOrder(cartIds, order.id)
    return new StepResponse({ attached: named.length })
  }
)
