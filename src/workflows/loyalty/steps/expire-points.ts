import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import { checkpoint } from "../../../utils/pause-point"
import { JOB_MAX_PAGES, JOB_PAGE, logFailures, PointsJobStepInput } from "../job-runs"
import { loyaltyService } from "../utils"

export const expirePointsStepId = "expire-points"

/** What the expiry step did: the entries it wrote and how many accounts failed. */
export type ExpirePointsResult = { written: LoyaltyTransactionDTO[]; failed: number }

/**
 * Writes `expire` entries for every lot past its expiry, one account at a time, each in its
 * own transaction: an account that cannot be processed is logged and skipped (the next run
 * retries it); answers the entries written and how many accounts failed.
 */
export const expirePointsStep = createStep(
  expirePointsStepId,
  async (input: PointsJobStepInput, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
    const result: ExpirePointsResult = { written: [], failed: 0 }
    let afterId: string | null = ""
    for (let i = 0; i < JOB_MAX_PAGES && afterId !== null; i++) {
      const page = await loyaltyService(container).expireDue(now, { afterId, limit: JOB_PAGE })
      result.written.push(...page.entries)
      result.failed += page.failed.length
      logFailures(container, "points-expiry", page.failed)
      afterId = page.last_account_id
      // Test-only (inert in production): the crash tests stop a worker here, with a page of
      // accounts expired and the run not finished.
      await checkpoint(container, "points-expiry:after-page")
    }
    return new StepResponse(result)
  }
)
