import { MedusaContainer } from "@medusajs/framework/types"
import { PointsJobStepInput } from "./job-runs"
import { remindExpiringPoints } from "./remind-expiring-points"
import { expirePointsWorkflow } from "./workflows/expire-points"

/** What the `points-expiry` job did. */
export type PointsExpiryResult = {
  expired_entries: number
  expired_points: number
  customers: number
  reminded: number
  /** Accounts whose expiry failed (retried by the next run). */
  failed: number
  /** Customers whose reminder could not go out (retried by the next run). */
  reminders_failed: number
}

/**
 * The `points-expiry` job (the schedule and "run now" both run it): expires what is past its
 * date (`expirePointsWorkflow`), then reminds the customers whose points expire soon, each in
 * its own workflow run (`remindExpiringPoints`).
 */
export async function runPointsExpiry(
  container: MedusaContainer,
  input: PointsJobStepInput = {}
): Promise<PointsExpiryResult> {
  const { result: expired } = await expirePointsWorkflow(container).run({ input })
  const reminders = await remindExpiringPoints(container, input)
  return {
    expired_entries: expired.expired_entries,
    expired_points: expired.expired_points,
    customers: expired.customers,
    reminded: reminders.reminded,
    failed: expired.failed,
    reminders_failed: reminders.failed,
  }
}

/** The job as `POST /admin/aftersales/jobs/:name/run` calls the others (`job(container).run`). */
export const pointsExpiryJob = (container: MedusaContainer) => ({
  run: async ({ input }: { input?: PointsJobStepInput }) => ({
    result: await runPointsExpiry(container, input ?? {}),
  }),
})
