import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { TICKET_LOCK, ticketLockKey } from "../lock"
import { rateSupportTicketStep, RateSupportTicketStepInput } from "../steps"

export const rateSupportTicketWorkflowId = "rate-support-ticket"

/**
 * A shopper rates the latest resolution of their ticket, 1 to 5, once per resolution; under
 * the ticket's lock, so a rating never lands on a resolution a concurrent reply just reopened.
 */
export const rateSupportTicketWorkflow = createWorkflow(
  rateSupportTicketWorkflowId,
  (input: RateSupportTicketStepInput) => {
    const lockKey = transform({ input }, ({ input }) => ticketLockKey(input.ticket_id))
    acquireLockStep({ key: lockKey, timeout: TICKET_LOCK.timeout, ttl: TICKET_LOCK.ttl })
    const rating = rateSupportTicketStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(rating)
  }
)
