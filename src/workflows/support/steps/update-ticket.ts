import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import SupportModuleService from "../../../modules/support/service"
import { AftersalesModules } from "../../../types/modules"
import { TicketPriority, TicketStatus } from "../types"

export const updateSupportTicketStepId = "update-support-ticket"

/** What an agent may change on a ticket. */
export type UpdateSupportTicketStepInput = {
  /** The ticket. */
  id: string
  /** `resolved` is reached through the resolve route only (it records an outcome). */
  status?: Exclude<TicketStatus, "resolved">
  priority?: TicketPriority
  /** The admin user in charge; null to unassign. */
  assignee_id?: string | null
}

type Snapshot = {
  id: string
  status: TicketStatus
  priority: TicketPriority
  assignee_id: string | null
}

/** Updates status, priority or assignee; compensation puts the old values back. */
export const updateSupportTicketStep = createStep(
  updateSupportTicketStepId,
  async (input: UpdateSupportTicketStepInput, { container }) => {
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    const [ticket] = await support.listSupportTickets({ id: input.id })
    if (!ticket) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Support ticket with id ${input.id} was not found`
      )
    }
    const snapshot: Snapshot = {
      id: ticket.id,
      status: ticket.status as TicketStatus,
      priority: ticket.priority as TicketPriority,
      assignee_id: ticket.assignee_id ?? null,
    }
    await support.updateSupportTickets(input)
    return new StepResponse({ id: ticket.id }, snapshot)
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    await support.updateSupportTickets(snapshot)
  }
)
