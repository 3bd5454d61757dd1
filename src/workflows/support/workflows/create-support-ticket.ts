import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AftersalesEvents } from "../../../types/events"
import { createSupportTicketStep, validateTicketOrderStep } from "../steps"
import { CreateSupportTicketInput } from "../types"

export const createSupportTicketWorkflowId = "create-support-ticket"

/** The ticket, and whether this run opened it (false: the idempotency key was seen). */
export type CreateSupportTicketOutput = { id: string; created: boolean }

/**
 * Opens a support ticket for a customer, optionally on one of their orders, with its SLA due
 * times and first message, and emits `support_ticket.created`. With an `idempotency_key` a
 * retry or a concurrent duplicate answers the first ticket: the delay watch relies on it for
 * "one proactive ticket per order and stage".
 */
export const createSupportTicketWorkflow = createWorkflow(
  createSupportTicketWorkflowId,
  (input: CreateSupportTicketInput) => {
    validateTicketOrderStep({ customer_id: input.customer_id, order_id: input.order_id })
    const ticket = createSupportTicketStep(input)
    when("ticket-created", { ticket }, ({ ticket }) => ticket.created).then(() => {
      const data = transform({ ticket, input }, ({ ticket, input }) => ({
        id: ticket.id,
        customer_id: input.customer_id,
        order_id: input.order_id ?? null,
        source: input.source,
      }))
      emitEventStep({ eventName: AftersalesEvents.TICKET_CREATED, data })
    })
    return new WorkflowResponse<CreateSupportTicketOutput>(ticket)
  }
)
