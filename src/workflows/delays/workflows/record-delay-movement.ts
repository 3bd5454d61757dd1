import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordDelayMovementStep, RecordDelayMovementStepInput } from "../steps"

export const recordDelayMovementWorkflowId = "record-delay-movement"

/** Moves an order's watch on a fulfilment, shipment or delivery event. */
export const recordDelayMovementWorkflow = createWorkflow(
  recordDelayMovementWorkflowId,
  (input: RecordDelayMovementStepInput) => {
    const watch = recordDelayMovementStep(input)
    return new WorkflowResponse(watch)
  }
)
