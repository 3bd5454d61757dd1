import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AftersalesEvents } from "../../../types/events"
import { reversedEvents } from "../reversed-events"
import {
  settleOrderPointsStep,
  SettleOrderPointsStepInput,
  SettleOrderPointsStepOutput,
} from "../steps/settle-order-points"

export const settleOrderPointsWorkflowId = "settle-order-points"

/**
 * Brings an order's points in line with the order as it stands now (returns received in any
 * number of rounds, exchanges, claims, order edits, cancel): earned points down to what the
 * customer keeps and paid for, redeemed points back for what is owed beyond the money paid.
 * Safe to run any number of times; answers the entries written by this run.
 */
export const settleOrderPointsWorkflow = createWorkflow(
  settleOrderPointsWorkflowId,
  (input: SettleOrderPointsStepInput) => {
    const result = settleOrderPointsStep(input)
    const events = transform({ result, input }, ({ result, input }) =>
      reversedEvents(result.reversed, input.order_id)
    )
    emitEventStep({ eventName: AftersalesEvents.POINTS_REVERSED, data: events })
    return new WorkflowResponse<SettleOrderPointsStepOutput>(result)
  }
)
