import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AftersalesEvents } from "../../../types/events"
import { LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import {
  takeBackCanceledOrderPointsStep,
  TakeBackCanceledOrderPointsStepInput,
} from "../steps/take-back-order-points"
import {
  settleOrderPointsStep,
  SettleOrderPointsStepInput,
  SettleOrderPointsStepOutput,
} from "../steps/settle-order-points"

export const takeBackCanceledOrderPointsWorkflowId = "take-back-canceled-order-points"
export const takeBackReturnedPointsWorkflowId = "take-back-returned-points"
export const settleOrderPointsWorkflowId = "settle-order-points"

/** The `loyalty_points.reversed` payloads of the reversals an order's settlement wrote. */
function reversedEvents(reversed: LoyaltyTransactionDTO[], orderId: string) {
  return reversed.map((e) => ({ id: e.id, customer_id: e.customer_id, points: -e.points, order_id: orderId }))
}

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
