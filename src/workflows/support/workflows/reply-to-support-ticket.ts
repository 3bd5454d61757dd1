import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { AftersalesEvents } from "../../../types/events"
import { TICKET_LOCK, ticketLockKey } from "../lock"
import { addTicketMessageStep, AddTicketMessageStepInput } from "../steps"
import { notifySupportCustomerWorkflow } from "./notify-customer"

export const replyToSupportTicketWorkflowId = "reply-to-support-ticket"

/**
 * Adds a customer reply, an agent reply or an internal note to a ticket (see
 * `addTicketMessageStep` for the status rules) and emits `support_ticket.reopened` when a
 * customer reply reopened a resolved ticket. A public agent reply is sent to the customer
 * (one notification per message). Under the ticket's lock, so a reply sent while an agent
 * resolves lands after the resolution and reopens the ticket.
 */
export const replyToSupportTicketWorkflow = createWorkflow(
  replyToSupportTicketWorkflowId,
  (input: AddTicketMessageStepInput) => {
    const lockKey = transform({ input }, ({ input }) => ticketLockKey(input.ticket_id))
    acquireLockStep({ key: lockKey, timeout: TICKET_LOCK.timeout, ttl: TICKET_LOCK.ttl })
    const result = addTicketMessageStep(input)
    releaseLockStep({ key: lockKey })
    when("ticket-reopened", { result }, ({ result }) => result.reopened).then(() => {
      const data = transform({ result }, ({ result }) => ({
        id: result.ticket_id,
        customer_id: result.customer_id,
      }))
      emitEventStep({ eventName: AftersalesEvents.TICKET_REOPENED, data }).config({
        name: "emit-ticket-reopened",
      })
    })
    when("agent-replied", { result }, ({ result }) => result.notify_customer).then(() => {
      const notification = transform({ result }, ({ result }) => ({
        customer_id: result.customer_id,
        order_id: result.order_id,
        about: "order" as const,
        template: "aftersales.support.agent_reply",
        idempotency_key: `support-reply:${result.message_id}`,
        resource_id: result.ticket_id,
        resource_type: "support_ticket",
        data: { number: result.number, subject: result.subject, body: result.body },
      }))
      notifySupportCustomerWorkflow.runAsStep({ input: notification })
    })
    return new WorkflowResponse(result)
  }
)
