import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"

export const validateTicketAssigneeStepId = "validate-ticket-assignee"

/** The assignee an agent picked for a ticket. */
export type ValidateTicketAssigneeStepInput = {
  /** An admin user's id; null or absent leaves nothing to check. */
  assignee_id?: string | null
}

/**
 * Refuses an assignee that is not an admin user of this store: a ticket assigned to an id nobody
 * has would drop out of every agent's queue.
 */
export const validateTicketAssigneeStep = createStep(
  validateTicketAssigneeStepId,
  async (input: ValidateTicketAssigneeStepInput, { container }) => {
    if (!input.assignee_id) {
      return
    }
    const [user] = await container
      .resolve(Modules.USER)
      .listUsers({ id: input.assignee_id }, { select: ["id"] })
    if (!user) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `There is no admin user with id ${input.assignee_id} to assign the ticket to`
      )
    }
  }
)
