import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PlacedOrderInput } from "../../orders/placed-order"
import { startDelayWatchStep } from "../steps"

export const startDelayWatchWorkflowId = "start-delay-watch"

/** Records the delivery promise of a placed order (run on `order.placed`). */
export const startDelayWatchWorkflow = createWorkflow(
  startDelayWatchWorkflowId,
  (input: PlacedOrderInput) => {
    const watch = startDelayWatchStep(input)
    return new WorkflowResponse(watch)
  }
)
