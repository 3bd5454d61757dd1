import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JOB_MAX_PAGES, JOB_PAGE, logFailures, PointsJobStepInput } from "../job-runs"
import { loyaltyService } from "../utils"

export const unlockPendingPointsStepId = "unlock-pending-points"

/** What the unlock job did; `failed` counts the accounts it could not process. */
export type UnlockPendingPointsResult = {
  entries: number
  accounts: number
  points: number
  failed: number
}

/**
 * Makes pending points whose return window has closed available, one account at a time, each
 * in its own transaction. An account that cannot be processed is logged and skipped (the next
 * run retries it); the run goes on with the others and counts it in `failed`.
 */
export const unlockPendingPointsStep = createStep(
  unlockPendingPointsStepId,
  async (input: PointsJobStepInput, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
    const totals: UnlockPendingPointsResult = { entries: 0, accounts: 0, points: 0, failed: 0 }
    let afterId: string | null = ""
    for (let i = 0; i < JOB_MAX_PAGES && afterId !== null; i++) {
      const page = await loyaltyService(container).unlockDue(now, { afterId, limit: JOB_PAGE })
      totals.entries += page.entries
      totals.accounts += page.accounts
      totals.points += page.points
      totals.failed += page.failed.length
      logFailures(container, "points-unlock", page.failed)
      afterId = page.last_account_id
    }
    return new StepResponse(totals)
  }
)
