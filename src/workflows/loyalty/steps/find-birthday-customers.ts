import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { birthdaysOn } from "../../../modules/loyalty_points/birthday"
import { loyaltyService, loyaltySettings, registeredCustomerIds } from "../utils"

export const findBirthdayCustomersStepId = "find-loyalty-birthday-customers"

/** The day the birthday job runs for. */
export type FindBirthdayCustomersStepInput = {
  /** ISO date; now when omitted. The day is taken in UTC. */
  now?: string
}

/** Who gets a birthday bonus today, and who does not because they changed their birthday. */
export type BirthdayCustomers = {
  /** "YYYY" of the run: one bonus per customer and year. */
  year: number
  points: number
  customer_ids: string[]
  /** Customers whose birthday is today but changed in the last 365 days. */
  skipped_recent_change: string[]
}

const YEAR = 365 * 24 * 60 * 60 * 1000
const PAGE = 500

/**
 * Lists the accounts whose recorded birthday is today (keyset pages over the partial index on
 * `birthday`), leaving out guests and those whose birthday changed in the last 365 days.
 * Read only.
 */
export const findBirthdayCustomersStep = createStep(
  findBirthdayCustomersStepId,
  async (input: FindBirthdayCustomersStepInput, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
    const settings = await loyaltySettings(container)
    const found: BirthdayCustomers = {
      year: now.getUTCFullYear(),
      points: settings.birthday_bonus,
      customer_ids: [],
      skipped_recent_change: [],
    }
    if (!settings.enabled || settings.birthday_bonus <= 0) {
      return new StepResponse(found)
    }
    const service = loyaltyService(container)
    const days = birthdaysOn(now)
    let afterId = ""
    for (;;) {
      const page = await service.listBirthdayAccounts(days, { afterId, limit: PAGE })
      // Guests hold no points, whatever their account row says (SPEC §10).
      const registered = await registeredCustomerIds(
        container,
        page.map((a) => a.customer_id)
      )
      for (const account of page) {
        if (!registered.has(account.customer_id)) {
          continue
        }
        const changedAt = account.birthday_changed_at ? new Date(account.birthday_changed_at) : null
        if (changedAt && now.getTime() - changedAt.getTime() < YEAR) {
          found.skipped_recent_change.push(account.customer_id)
        } else {
          found.customer_ids.push(account.customer_id)
        }
      }
      if (page.length < PAGE) {
        break
      }
      afterId = page[page.length - 1].id
    }
    return new StepResponse(found)
  }
)
