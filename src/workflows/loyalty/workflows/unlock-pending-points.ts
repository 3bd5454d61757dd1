import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PointsJobStepInput } from "../job-runs"
import { deferOpenReturnWindowsStep } from "../steps/defer-open-return-windows"
import { unlockPendingPointsStep } from "../steps/unlock-pending-points"

export const unlockPendingPointsWorkflowId = "unlock-pending-points"

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
