import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AftersalesEvents } from "../../../types/events"
import { reversedEvents } from "../reversed-events"
import {
  takeBackCanceledOrderPointsStep,
  TakeBackCanceledOrderPointsStepInput,
} from "../steps/take-back-order-points"

export const takeBackCanceledOrderPointsWorkflowId = "take-back-canceled-order-points"

/** A cancelled order: voids its earned points, refunds its redeemed ones. */
export const takeBackCanceledOrderPointsWorkflow = createWorkflow(
  takeBackCanceledOrderPointsWorkflowId,
  (input: TakeBackCanceledOrderPointsStepInput) => {
    const result = takeBackCanceledOrderPointsStep(input)
    const events = transform({ result, input }, ({ result, input }) =>
      reversedEvents(result.reversed, input.order_id)
    )
    emitEventStep({ eventName: AftersalesEvents.POINTS_REVERSED, data: events })
    const summary = transform({ result }, ({ result }) => ({
      reversed_points: result.reversed.reduce((s, e) => s - e.points, 0),
      refunded_points: result.refunded.reduce((s, e) => s + e.points, 0),
    }))
    return new WorkflowResponse(summary)
  }
)
