import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AftersalesEvents } from "../../../types/events"
import { earnOrderPointsStep, EarnOrderPointsStepInput } from "../steps/earn-order-points"

export const earnOrderPointsWorkflowId = "earn-order-points"

/**
 * Credits the points a placed order earns (pending until the return window closes) and emits
 * `loyalty_points.earned`. Safe to run twice for one order: it earns once.
 */
export const earnOrderPointsWorkflow = createWorkflow(
  earnOrderPointsWorkflowId,
  (input: EarnOrderPointsStepInput) => {
    const entry = earnOrderPointsStep(input)
    when("emit-points-earned", { entry }, ({ entry }) => !!entry).then(() => {
      const data = transform({ entry }, ({ entry }) => ({
        id: entry!.id,
        customer_id: entry!.customer_id,
        points: entry!.points,
        order_id: entry!.order_id,
      }))
      emitEventStep({ eventName: AftersalesEvents.POINTS_EARNED, data })
    })
    return new WorkflowResponse(entry)
  }
)
