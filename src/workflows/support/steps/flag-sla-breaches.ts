import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import SupportModuleService from "../../../modules/support/service"
import { AftersalesModules } from "../../../types/modules"

export const flagSlaBreachesStepId = "flag-support-sla-breaches"

/** A ticket this run flagged. */
export type FlaggedTicket = {
  id: string
  display_id: number
  /** Which clock ran out: `first_response` or `resolution`. */
  breach: "first_response" | "resolution"
}

/**
 * Flags unresolved tickets whose first-response or resolution due time has passed and that
 * are not flagged yet, in one conditional update: each ticket is flagged once, by one run, even
 * when two runs overlap, and a run answers only the tickets it flagged. A breach is a fact, so
 * there is no compensation: a later failure (e.g. the admin notification) leaves it flagged.
 */
export const flagSlaBreachesStep = createStep(
  flagSlaBreachesStepId,
  async (_: void, { container }) => {
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    const flagged: FlaggedTicket[] = await support.flagSlaBreaches(new Date())
    return new StepResponse(flagged)
  }
)
