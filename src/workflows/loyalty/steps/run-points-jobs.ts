import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AccountFailure, LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import { checkpoint } from "../../../utils/pause-point"
import { loyaltyService } from "../utils"

export const unlockPendingPointsStepId = "unlock-pending-points"
export const expirePointsStepId = "expire-points"

/** The moment the job runs for (tests move it forward). */
export type PointsJobStepInput = {
  /** ISO date; now when omitted. */
  now?: string
}

/** Accounts per page and pages per run, so one run stays bounded however late the job is. */
const PAGE = 500
const MAX_PAGES = 50

/** What the unlock job did; `failed` counts the accounts it could not process. */
export type UnlockPendingPointsResult = {
  entries: number
  accounts: number
  points: number
  failed: number
}

/** What the expiry step did: the entries it wrote and how many accounts failed. */
export type ExpirePointsResult = { written: LoyaltyTransactionDTO[]; failed: number }

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
    for (let i = 0; i < MAX_PAGES && afterId !== null; i++) {
      const page = await loyaltyService(container).unlockDue(now, { afterId, limit: PAGE })
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

/**
 * Writes `expire` entries for every lot past its expiry, one account at a time, isolated as
 * the unlock is; answers the entries written and how many accounts failed.
 */
export const expirePointsStep = createStep(
  expirePointsStepId,
  async (input: PointsJobStepInput, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
    const result: ExpirePointsResult = { written: [], failed: 0 }
    let afterId: string | null = ""
    for (let i = 0; i < MAX_PAGES && afterId !== null; i++) {
      const page = await loyaltyService(container).expireDue(now, { afterId, limit: PAGE })
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

/** Logs each account a job skipped, by id, with what went wrong. */
export function logFailures(
  container: MedusaContainer,
  job: string,
  failed: AccountFailure[],
  what = "loyalty account"
) {
  if (!failed.length) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const f of failed) {
    logger.error(
      `medusa-aftersales: ${job} skipped ${what} ${f.account_id} (the next run retries it): ${f.message}`
    )
  }
}
