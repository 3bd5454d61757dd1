import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AftersalesEvents, PointsEarnedEventData } from "../../../types/events"
import { earnOrderPointsStep, EarnOrderPointsStepInput } from "../steps/earn-order-points"

export const earnOrderPointsWorkflowId = "earn-order-points"

/**
 * Credits the points a placed order earns (pending until the return window closes) and emits
 * `loyalty_points.earned`. Safe to run twice for one order: it earns once (the event is sent
 * again, and its message once by its key).
 */
export const earnOrderPointsWorkflow = createWorkflow(
  earnOrderPointsWorkflowId,
  (input: EarnOrderPointsStepInput) => {
    const earned = earnOrderPointsStep(input)
    when("emit-points-earned", { earned }, ({ earned }) => !!earned).then(() => {
      // What the points message says travels with the event: its subscriber reads nothing more.
      const data = transform({ earned }, ({ earned }): PointsEarnedEventData => {
        const { entry, balance, order_display_id } = earned!
        return {
          id: entry.id,
          customer_id: entry.customer_id,
          points: entry.points,
          order_id: entry.order_id,
          source: "order",
          order_display_id,
          available_at:
            entry.status === "pending" && entry.available_at ? new Date(entry.available_at).toISOString() : null,
          balance,
        }
      })
      emitEventStep({ eventName: AftersalesEvents.POINTS_EARNED, data })
    })
    const entry = transform({ earned }, ({ earned }) => earned?.entry ?? null)
    return new WorkflowResponse(entry)
  }
)
