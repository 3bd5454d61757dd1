import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AftersalesEvents } from "../../../types/events"
import { awardBirthdayBonusesStep } from "../steps/award-birthday-bonuses"
import {
  findBirthdayCustomersStep,
  FindBirthdayCustomersStepInput,
} from "../steps/find-birthday-customers"

export const birthdayBonusWorkflowId = "loyalty-birthday-bonus"

/** What a run of the `birthdays` job did. */
export type BirthdayBonusSummary = {
  /** Customers credited by this run. */
  awarded: number
  points: number
  /** Customers whose bonus of this year was already credited (a rerun). */
  already_awarded: number
  /** Customers with a birthday today who changed it in the last 365 days. */
  skipped_recent_change: number
  /** Customers whose bonus could not be credited (logged; the next run of the year retries). */
  failed: number
}

/**
 * Job `birthdays` (daily): credits the birthday bonus to every customer whose recorded
 * birthday is today, once a year, unless they changed their birthday in the last 365 days;
 * emits `loyalty_points.earned` for each credit (which sends the birthday message).
 */
export const birthdayBonusWorkflow = createWorkflow(
  birthdayBonusWorkflowId,
  (input: FindBirthdayCustomersStepInput) => {
    const found = findBirthdayCustomersStep(input)
    const awarded = awardBirthdayBonusesStep(found)
    const events = transform({ awarded }, ({ awarded }) =>
      awarded.created.map((e) => ({ id: e.id, customer_id: e.customer_id, points: e.points }))
    )
    emitEventStep({ eventName: AftersalesEvents.POINTS_EARNED, data: events })
    const summary = transform(
      { found, awarded },
      ({ found, awarded }): BirthdayBonusSummary => ({
        awarded: awarded.created.length,
        points: awarded.created.reduce((s, e) => s + e.points, 0),
        already_awarded: awarded.already_awarded,
        skipped_recent_change: found.skipped_recent_change.length,
        failed: awarded.failed,
      })
    )
    return new WorkflowResponse(summary)
  }
)
