import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AftersalesEvents } from "../../../types/events"
import { reversedEvents } from "../reversed-events"
import { settleOrderPointsStep } from "../steps/settle-order-points"

export const takeBackReturnedPointsWorkflowId = "take-back-returned-points"

/** A received return (any round of it): settles the order's points; answers the reversal written, if any. */
export const takeBackReturnedPointsWorkflow = createWorkflow(
  takeBackReturnedPointsWorkflowId,
  (input: { order_id: string; return_id: string }) => {
    const result = settleOrderPointsStep(input)
    const events = transform({ result, input }, ({ result, input }) =>
      reversedEvents(result.reversed, input.order_id)
    )
    emitEventStep({ eventName: AftersalesEvents.POINTS_REVERSED, data: events })
    const entry = transform({ result }, ({ result }) => result.reversed[0] ?? null)
    return new WorkflowResponse(entry)
  }
)
