import { MedusaContainer } from "@medusajs/framework/types"
import { AccountFailure } from "../../modules/loyalty_points/types"
import { notifySupportCustomerWorkflow } from "../support/workflows/notify-customer"
import { logFailures, PointsJobStepInput } from "./job-runs"
import { loyaltyService, loyaltySettings } from "./utils"

const DAY = 24 * 60 * 60 * 1000

/**
 * Tells every customer with points expiring in the next `expiry_reminder_days` days (0 = no
 * reminders) how many and when the first expire. One message per customer and first expiry
 * date: the key `points-expiring:<customer>:<date>` makes the daily run and a retry send it
 * once. Each reminder is its own `notifySupportCustomerWorkflow` run, so one customer who
 * cannot be written to is logged, counted in `failed` and retried by the next run, and never
 * holds back the others (which is why this is not a step: a step never runs a workflow).
 */
export async function remindExpiringPoints(
  container: MedusaContainer,
  input: PointsJobStepInput
): Promise<{ reminded: number; failed: number }> {
  const settings = await loyaltySettings(container)
  if (!settings.enabled || settings.expiry_reminder_days <= 0 || settings.expiry_months <= 0) {
    return { reminded: 0, failed: 0 }
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
  return { reminded, failed: failed.length }
}
