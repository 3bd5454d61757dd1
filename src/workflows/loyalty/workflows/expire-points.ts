import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AftersalesEvents } from "../../../types/events"
import { PointsJobStepInput } from "../job-runs"
import { expirePointsStep } from "../steps/expire-points"

export const expirePointsWorkflowId = "expire-points"

/**
 * Expires what remains of lots past their date and emits `loyalty_points.expired` per entry;
 * answers `{ expired_entries, expired_points, customers, failed }`: one account that cannot be
 * processed is skipped (and retried by the next run), never stops the run. The `points-expiry`
 * job runs it, then the reminders (`runPointsExpiry`).
 */
export const expirePointsWorkflow = createWorkflow(
  expirePointsWorkflowId,
  (input: PointsJobStepInput) => {
    const expired = expirePointsStep(input)
    const events = transform({ expired }, ({ expired }) =>
      expired.written.map((e) => ({ id: e.id, customer_id: e.customer_id, points: -e.points }))
    )
    emitEventStep({ eventName: AftersalesEvents.POINTS_EXPIRED, data: events })
    const summary = transform({ expired }, ({ expired }) => ({
      expired_entries: expired.written.length,
      expired_points: expired.written.reduce((s, e) => s - e.points, 0),
      customers: new Set(expired.written.map((e) => e.customer_id)).size,
      failed: expired.failed,
    }))
    return new WorkflowResponse(summary)
  }
)
