import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { closeDelayWatchStep } from "../steps"

export const closeDelayWatchWorkflowId = "close-delay-watch"

/** Stops watching a canceled order (run on `order.canceled`). */
export const closeDelayWatchWorkflow = createWorkflow(
  closeDelayWatchWorkflowId,
  (input: { order_id: string }) => {
    const closed = closeDelayWatchStep(input)
    return new WorkflowResponse(closed)
  }
)
