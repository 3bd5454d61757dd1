import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AftersalesEvents } from "../../../types/events"
import { deferOpenReturnWindowsStep } from "../steps/defer-open-return-windows"
import { remindExpiringPointsStep } from "../steps/remind-expiring-points"
import { expirePointsStep, PointsJobStepInput, unlockPendingPointsStep } from "../steps/run-points-jobs"

export const unlockPendingPointsWorkflowId = "unlock-pending-points"
export const expirePointsWorkflowId = "expire-points"

/**
 * Job `points-unlock`: pending points whose order's return window has closed become
 * available (the window is checked again first: see `deferOpenReturnWindowsStep`); answers
 * `{ entries, accounts, points, failed, deferred, waiting }` (`failed`: accounts or earnings
 * skipped, retried by the next run; `deferred`/`waiting`: earnings whose window ends later or
 * is not known yet).
 */
export const unlockPendingPointsWorkflow = createWorkflow(
  unlockPendingPointsWorkflowId,
  (input: PointsJobStepInput) => {
    const windows = deferOpenReturnWindowsStep(input)
    const unlocked = unlockPendingPointsStep(input)
    const summary = transform({ windows, unlocked }, ({ windows, unlocked }) => ({
      ...unlocked,
      failed: unlocked.failed + windows.failed,
      deferred: windows.deferred,
      waiting: windows.waiting,
    }))
    return new WorkflowResponse(summary)
  }
)

/**
 * Job `points-expiry`: expires what remains of lots past their date, emits
 * `loyalty_points.expired` per entry, then reminds customers whose points expire within
 * `expiry_reminder_days`; answers `{ expired_entries, expired_points, customers, reminded,
 * failed, reminders_failed }`: one account that cannot be processed is skipped (and retried
 * by the next run), never stops the run.
 */
export const expirePointsWorkflow = createWorkflow(
  expirePointsWorkflowId,
  (input: PointsJobStepInput) => {
    const expired = expirePointsStep(input)
    const written = transform({ expired }, ({ expired }) => expired.written)
    const events = transform({ written }, ({ written }) =>
      written.map((e) => ({ id: e.id, customer_id: e.customer_id, points: -e.points }))
    )
    emitEventStep({ eventName: AftersalesEvents.POINTS_EXPIRED, data: events })
    const reminders = remindExpiringPointsStep(input)
    const summary = transform({ expired, reminders }, ({ expired, reminders }) => ({
      expired_entries: expired.written.length,
      expired_points: expired.written.reduce((s, e) => s - e.points, 0),
      customers: new Set(expired.written.map((e) => e.customer_id)).size,
      reminded: reminders.reminded,
      failed: expired.failed,
      reminders_failed: reminders.failed,
    }))
    return new WorkflowResponse(summary)
  }
)
