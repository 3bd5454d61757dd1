import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { TICKET_LOCK, ticketLockKey } from "../lock"
import {
  updateSupportTicketStep,
  UpdateSupportTicketStepInput,
  validateTicketAssigneeStep,
} from "../steps"

export const updateSupportTicketWorkflowId = "update-support-ticket"

/**
 * An agent changes a ticket's status (not to resolved), priority or assignee, under the
 * ticket's lock (shared with replies and resolutions).
 */
export const updateSupportTicketWorkflow = createWorkflow(
  updateSupportTicketWorkflowId,
  (input: UpdateSupportTicketStepInput) => {
    validateTicketAssigneeStep(input)
    const lockKey = transform({ input }, ({ input }) => ticketLockKey(input.id))
    acquireLockStep({ key: lockKey, timeout: TICKET_LOCK.timeout, ttl: TICKET_LOCK.ttl })
    const ticket = updateSupportTicketStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(ticket)
  }
)
