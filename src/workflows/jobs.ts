import { birthdayBonusWorkflow, pointsExpiryJob, unlockPendingPointsWorkflow } from "./loyalty"
import { delayScanJob } from "./delays"
import { checkSlaBreachesWorkflow } from "./support"

/**
 * The plugin's scheduled jobs by the name `POST /admin/aftersales/jobs/:name/run` takes. Each
 * is a workflow answering a summary of what it did; the files in src/jobs run the same
 * workflows on their schedule, so "run now" and the schedule can never differ.
 */
export const AFTERSALES_JOBS = {
  "points-unlock": unlockPendingPointsWorkflow,
  "points-expiry": pointsExpiryJob,
  "sla-check": checkSlaBreachesWorkflow,
  "birthdays": birthdayBonusWorkflow,
  "delay-scan": delayScanJob,
} as const

export type AftersalesJobName = keyof typeof AFTERSALES_JOBS
