import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AftersalesEvents } from "../../../types/events"
import {
  takeBackCanceledOrderPointsStep,
  TakeBackCanceledOrderPointsStepInput,
} from "../steps/take-back-order-points"
import {
  takeBackReturnedPointsStep,
  TakeBackReturnedPointsStepInput,
} from "../steps/take-back-returned-points"

export const takeBackCanceledOrderPointsWorkflowId = "take-back-canceled-order-points"
export const takeBackReturnedPointsWorkflowId = "take-back-returned-points"

/** A cancelled order: voids its earned points, refunds its redeemed ones. */
export const takeBackCanceledOrderPointsWorkflow = createWorkflow(
  takeBackCanceledOrderPointsWorkflowId,
  (input: TakeBackCanceledOrderPointsStepInput) => {
    const result = takeBackCanceledOrderPointsStep(input)
    const events = transform({ result, input }, ({ result, input }) =>
      result.reversed.map((e) => ({
        id: e.id,
        customer_id: e.customer_id,
        points: -e.points,
        order_id: input.order_id,
      }))
    )
    emitEventStep({ eventName: AftersalesEvents.POINTS_REVERSED, data: events })
    const summary = transform({ result }, ({ result }) => ({
      reversed_points: result.reversed.reduce((s, e) => s - e.points, 0),
      refunded_points: result.refunded.reduce((s, e) => s + e.points, 0),
    }))
    return new WorkflowResponse(summary)
  }
)

/** A received return: takes back the returned lines' share of the earned points. */
export const takeBackReturnedPointsWorkflow = createWorkflow(
  takeBackReturnedPointsWorkflowId,
  (input: TakeBackReturnedPointsStepInput) => {
    const entry = takeBackReturnedPointsStep(input)
    const events = transform({ entry, input }, ({ entry, input }) =>
      entry && entry.points !== 0
        ? [{ id: entry.id, customer_id: entry.customer_id, points: -entry.points, order_id: input.order_id }]
        : []
    )
    emitEventStep({ eventName: AftersalesEvents.POINTS_REVERSED, data: events })
    return new WorkflowResponse(entry)
  }
)
