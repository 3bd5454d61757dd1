import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AftersalesEvents } from "../../../types/events"
import { PlacedOrderInput } from "../../orders/placed-order"
import { markGesturesRedeemedStep } from "../steps"

export const markGesturesRedeemedWorkflowId = "mark-goodwill-gestures-redeemed"

/**
 * On `order.placed`: marks redeemed the gestures whose coupon the order used and emits
 * `gesture.redeemed` for each. Safe to run twice for one order.
 */
export const markGesturesRedeemedWorkflow = createWorkflow(
  markGesturesRedeemedWorkflowId,
  (input: PlacedOrderInput) => {
    const redeemed = markGesturesRedeemedStep(input)
    const events = transform({ redeemed }, ({ redeemed }) =>
      redeemed.map((g) => ({ id: g.id, customer_id: g.customer_id, order_id: g.order_id }))
    )
    emitEventStep({ eventName: AftersalesEvents.GESTURE_REDEEMED, data: events })
    return new WorkflowResponse(redeemed)
  }
)
