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
 * are not flagged yet. Each ticket is flagged once (the filter skips flagged ones), so a job run
 * twice does not flag or notify twice. Only late tickets are read, not every open one.
 */
export const flagSlaBreachesStep = createStep(
  flagSlaBreachesStepId,
  async (_: void, { container }) => {
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    const now = new Date()
    const late = await support.listSupportTickets(
      {
        status: ["open", "pending_customer"],
        sla_breached_at: null,
        $or: [
          { first_responded_at: null, first_response_due_at: { $lt: now } },
          { resolution_due_at: { $lt: now } },
        ],
      },
      { select: ["id", "display_id", "first_responded_at", "first_response_due_at"] }
    )
    const flagged: FlaggedTicket[] = late.map((t) => ({
      id: t.id,
      display_id: t.display_id,
      breach:
        !t.first_responded_at && t.first_response_due_at && new Date(t.first_response_due_at) < now
          ? "first_response"
          : "resolution",
    }))
    if (flagged.length) {
      await support.updateSupportTickets(
        flagged.map((f) => ({ id: f.id, sla_breached_at: now, sla_breach: f.breach }))
      )
    }
    return new StepResponse(
      flagged,
      flagged.map((f) => f.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    await support.updateSupportTickets(
      ids.map((id) => ({ id, sla_breached_at: null, sla_breach: null }))
    )
  }
)
