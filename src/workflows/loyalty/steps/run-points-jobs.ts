import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import { loyaltyService } from "../utils"

export const unlockPendingPointsStepId = "unlock-pending-points"
export const expirePointsStepId = "expire-points"

/** The moment the job runs for (tests move it forward). */
export type PointsJobStepInput = {
  /** ISO date; now when omitted. */
  now?: string
}

/** Batches per run, so one run stays bounded however late the job is. */
const MAX_BATCHES = 50

/**
 * Makes pending points whose return window has closed available, in batches of accounts,
 * each batch in its own transaction. Answers the counts.
 */
export const unlockPendingPointsStep = createStep(
  unlockPendingPointsStepId,
  async (input: PointsJobStepInput, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
    const totals = { entries: 0, accounts: 0, points: 0 }
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = await loyaltyService(container).unlockPending(now, 500)
      totals.entries += batch.entries
      totals.accounts += batch.accounts
      totals.points += batch.points
      if (!batch.entries) {
        break
      }
    }
    return new StepResponse(totals)
  }
)

/** Writes `expire` entries for every lot past its expiry; answers them. */
export const expirePointsStep = createStep(
  expirePointsStepId,
  async (input: PointsJobStepInput, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
    const written: LoyaltyTransactionDTO[] = []
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = await loyaltyService(container).expireLots(now, 500)
      written.push(...batch)
      if (!batch.length) {
        break
      }
    }
    return new StepResponse(written)
  }
)
