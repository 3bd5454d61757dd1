import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { expiryFor } from "../../../modules/loyalty_points/points-math"
import { AccountFailure, LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import { loyaltyService, loyaltySettings } from "../utils"
import { BirthdayCustomers } from "./find-birthday-customers"
import { logFailures } from "../job-runs"

export const awardBirthdayBonusesStepId = "award-loyalty-birthday-bonuses"

/** The bonus entries a run wrote: new ones, and those a previous run of the day had written. */
export type AwardedBirthdayBonuses = {
  created: LoyaltyTransactionDTO[]
  already_awarded: number
  /** Customers whose bonus could not be credited: logged, skipped, credited by a later run. */
  failed: number
}

/**
 * Credits the birthday bonus to each customer, once per customer and year (key
 * `birthday:<customer>:<year>`), expiring per the settings. A rerun the same day, or the same
 * year, credits nothing more. A customer whose bonus cannot be credited is logged and
 * skipped, never stopping the others; a later run of the same day or year credits it.
 * Compensation takes back only the entries this run created.
 */
export const awardBirthdayBonusesStep = createStep(
  awardBirthdayBonusesStepId,
  async (input: BirthdayCustomers, { container }) => {
    const service = loyaltyService(container)
    const settings = await loyaltySettings(container)
    const result: AwardedBirthdayBonuses = { created: [], already_awarded: 0, failed: 0 }
    const failed: AccountFailure[] = []
    for (const customerId of input.customer_ids) {
      const key = `birthday:${customerId}:${input.year}`
      try {
        const [existing] = await service.listLoyaltyTransactions(
          { idempotency_key: key },
          { select: ["id"] }
        )
        if (existing) {
          result.already_awarded += 1
          continue
        }
        result.created.push(
          await service.addBonusPoints({
            customer_id: customerId,
            points: input.points,
            reason: "birthday bonus",
            idempotency_key: key,
            source: "birthday",
            expires_at: expiryFor(new Date(), settings.expiry_months),
          })
        )
      } catch (e) {
        failed.push({ account_id: customerId, message: e instanceof Error ? e.message : String(e) })
      }
    }
    result.failed = failed.length
    logFailures(container, "birthdays", failed, "customer")
    return new StepResponse(
      result,
      result.created.map((e) => ({ id: e.id, customer_id: e.customer_id, points: e.points }))
    )
  },
  async (created, { container }) => {
    if (!created?.length) {
      return
    }
    const service = loyaltyService(container)
    for (const entry of created) {
      await service.adjustPoints({
        customer_id: entry.customer_id,
        points: -entry.points,
        reason: `undo ${entry.id}`,
        idempotency_key: `undo:${entry.id}`,
      })
    }
  }
)
