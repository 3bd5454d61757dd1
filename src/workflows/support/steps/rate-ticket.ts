import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import SupportModuleService from "../../../modules/support/service"
import { AftersalesModules } from "../../../types/modules"

export const rateSupportTicketStepId = "rate-support-ticket"

/** A shopper's rating of a resolved ticket. */
export type RateSupportTicketStepInput = {
  /** The ticket. */
  ticket_id: string
  /** The shopper rating it: must own the ticket. */
  customer_id: string
  /** 1 to 5. */
  score: number
  /** Optional words. */
  comment?: string | null
}

/**
 * Rates the ticket's latest resolution, once: a second rating of the same resolution is
 * refused (400; core rewrites 409 messages, and the shopper should read why); a reopened ticket is rated again after its next resolution.
 */
export const rateSupportTicketStep = createStep(
  rateSupportTicketStepId,
  async (input: RateSupportTicketStepInput, { container }) => {
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    const [ticket] = await support.listSupportTickets({
      id: input.ticket_id,
      customer_id: input.customer_id,
    })
    if (!ticket) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Support ticket with id ${input.ticket_id} was not found`
      )
    }
    if (ticket.status !== "resolved" && ticket.status !== "closed") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Support ticket ${input.ticket_id} is not resolved yet; it can be rated once it is`
      )
    }
    const [latest] = await support.listTicketResolutions(
      { ticket_id: ticket.id },
      { order: { created_at: "DESC" }, take: 1 }
    )
    if (!latest) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Support ticket ${input.ticket_id} has no resolution to rate`
      )
    }
    if (latest.rated_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The resolution of support ticket ${input.ticket_id} was already rated`
      )
    }
    await support.updateTicketResolutions({
      id: latest.id,
      rating_score: input.score,
      rating_comment: input.comment ?? null,
      rated_at: new Date(),
    })
    return new StepResponse({ resolution_id: latest.id }, latest.id)
  },
  async (resolutionId, { container }) => {
    if (!resolutionId) {
      return
    }
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    await support.updateTicketResolutions({
      id: resolutionId,
      rating_score: null,
      rating_comment: null,
      rated_at: null,
    })
  }
)
