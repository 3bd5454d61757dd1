import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notifySupportCustomerWorkflow } from "../../support/workflows/notify-customer"
import { AccountFailure } from "../../../modules/loyalty_points/types"
import { loyaltyService, loyaltySettings } from "../utils"
import { logFailures } from "./run-points-jobs"

export const remindExpiringPointsStepId = "remind-expiring-loyalty-points"

/** The moment the expiry job runs for. */
export type RemindExpiringPointsStepInput = {
  /** ISO date; now when omitted. */
  now?: string
}

const DAY = 24 * 60 * 60 * 1000

/**
 * Tells every customer with points expiring in the next `expiry_reminder_days` days (0 = no
 * reminders) how many and when the first expire. One message per customer and first expiry
 * date: the key `points-expiring:<customer>:<date>` makes the daily run and a retry send it
 * once. Answers how many customers were written to. Nothing to compensate: a sent message
 * cannot be unsent, and the key keeps a rerun from sending it again.
 */
export const remindExpiringPointsStep = createStep(
  remindExpiringPointsStepId,
  async (input: RemindExpiringPointsStepInput, { container }) => {
    const settings = await loyaltySettings(container)
    if (!settings.enabled || settings.expiry_reminder_days <= 0 || settings.expiry_months <= 0) {
      return new StepResponse({ reminded: 0, failed: 0 })
    }
    const now = input.now ? new Date(input.now) : new Date()
    const service = loyaltyService(container)
    const until = new Date(now.getTime() + settings.expiry_reminder_days * DAY)
    const expiring = await service.listExpiringPoints(now, until)
    let reminded = 0
    const failed: AccountFailure[] = []
    for (const entry of expiring) {
      const firstExpiry = new Date(entry.expires_at).toISOString()
      // One customer whose reminder cannot go out is logged and skipped; the key makes the
      // next run send it once it can.
      try {
        const { balance } = await service.getAccountSummary(entry.customer_id)
        await notifySupportCustomerWorkflow(container).run({
          input: {
            customer_id: entry.customer_id,
            template: "aftersales.loyalty.points_expiring",
            idempotency_key: `points-expiring:${entry.customer_id}:${firstExpiry.slice(0, 10)}`,
            resource_id: entry.customer_id,
            resource_type: "loyalty_account",
            data: {
              points: entry.points,
              expires_at: firstExpiry,
              days: settings.expiry_reminder_days,
              balance,
            },
          },
        })
        reminded += 1
      } catch (e) {
        failed.push({
          account_id: entry.customer_id,
          message: e instanceof Error ? e.message : String(e),
        })
      }
    }
    logFailures(container, "points-expiry reminder", failed, "customer")
    return new StepResponse({ reminded, failed: failed.length })
  }
)
