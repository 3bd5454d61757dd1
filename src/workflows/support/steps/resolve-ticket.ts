import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import SupportModuleService from "../../../modules/support/service"
import { AftersalesModules } from "../../../types/modules"
import { TicketCategory, TicketStatus } from "../types"

export const resolveSupportTicketStepId = "resolve-support-ticket"

/** The resolution to record. */
export type ResolveSupportTicketStepInput = {
  /** The ticket. */
  ticket_id: string
  /** What was done, in the agent's words or a short code (`refunded`, `replaced`, …). */
  outcome: string
  /** An optional note kept with the resolution. */
  note?: string | null
  /** The admin user who resolves. */
  resolved_by?: string | null
}

/** The resolution in force and whether this run made it. */
export type ResolveSupportTicketStepOutput = {
  resolution_id: string
  /** False when the ticket was already resolved: nothing new happened. */
  created: boolean
  ticket_id: string
  customer_id: string
  order_id: string | null
  category: TicketCategory
}

type Snapshot = {
  resolution_id: string
  ticket: { id: string; status: TicketStatus; resolved_at: Date | null; outcome: string | null }
}

/**
 * Records a resolution and marks the ticket resolved. Resolving a ticket that is already
 * resolved answers its latest resolution and changes nothing, so a double click or a retried
 * request cannot make a second resolution (nor a second gesture). The workflow holds a lock on
 * the ticket around this step, so two concurrent resolutions see each other.
 */
export const resolveSupportTicketStep = createStep(
  resolveSupportTicketStepId,
  async (input: ResolveSupportTicketStepInput, { container }) => {
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    const [ticket] = await support.listSupportTickets({ id: input.ticket_id })
    if (!ticket) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Support ticket with id ${input.ticket_id} was not found`
      )
    }
    const base = {
      ticket_id: ticket.id,
      customer_id: ticket.customer_id,
      order_id: ticket.order_id ?? null,
      category: ticket.category as TicketCategory,
    }
    if (ticket.status === "resolved" || ticket.status === "closed") {
      const [latest] = await support.listTicketResolutions(
        { ticket_id: ticket.id },
        { order: { created_at: "DESC" }, take: 1 }
      )
      if (latest) {
        return new StepResponse<ResolveSupportTicketStepOutput, Snapshot | null>(
          { ...base, resolution_id: latest.id, created: false },
          null
        )
      }
    }
    const resolution = await support.createTicketResolutions({
      ticket_id: ticket.id,
      outcome: input.outcome,
      note: input.note ?? null,
      resolved_by: input.resolved_by ?? null,
    })
    await support.updateSupportTickets({
      id: ticket.id,
      status: "resolved",
      resolved_at: new Date(),
      outcome: input.outcome,
    })
    return new StepResponse<ResolveSupportTicketStepOutput, Snapshot | null>(
      { ...base, resolution_id: resolution.id, created: true },
      {
        resolution_id: resolution.id,
        ticket: {
          id: ticket.id,
          status: ticket.status as TicketStatus,
          resolved_at: ticket.resolved_at as Date | null,
          outcome: ticket.outcome ?? null,
        },
      }
    )
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    await support.deleteTicketResolutions(snapshot.resolution_id)
    await support.updateSupportTickets(snapshot.ticket)
  }
)
