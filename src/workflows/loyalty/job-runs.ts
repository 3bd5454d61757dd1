import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AccountFailure } from "../../modules/loyalty_points/types"

/** The moment a points job runs for (tests move it forward). */
export type PointsJobStepInput = {
  /** ISO date; now when omitted. */
  now?: string
}

/** Accounts per page and pages per run, so one run stays bounded however late the job is. */
export const JOB_PAGE = 500
export const JOB_MAX_PAGES = 50

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
