import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendAftersalesNotificationStep } from "../../notifications"
import { loadCustomerRecipientStep } from "../steps"

export const notifySupportCustomerWorkflowId = "notify-aftersales-customer"

/** A support or gesture notification to a customer. */
export type NotifySupportCustomerInput = {
  customer_id: string
  /** Template id, e.g. `aftersales.support.resolved`. */
  template: string
  /** Keeps a retried event from sending twice. */
  idempotency_key: string
  resource_id: string
  resource_type: string
  /** Values of the template. */
  data: Record<string, unknown>
  /** Picks Turkish for a TRY order when the customer set no language. */
  currency_code?: string | null
}

/**
 * Sends one notification to a customer in their language, once per idempotency key. A
 * customer without an email gets nothing (and nothing fails).
 */
export const notifySupportCustomerWorkflow = createWorkflow(
  notifySupportCustomerWorkflowId,
  (input: NotifySupportCustomerInput) => {
    const recipient = loadCustomerRecipientStep({
      customer_id: input.customer_id,
      currency_code: input.currency_code,
    })
    when("customer-has-email", { recipient }, ({ recipient }) => !!recipient.email).then(() => {
      const message = transform({ input, recipient }, ({ input, recipient }) => ({
        template: input.template,
        to: recipient.email as string,
        locale: recipient.locale,
        data: input.data,
        idempotency_key: input.idempotency_key,
        resource_id: input.resource_id,
        resource_type: input.resource_type,
        receiver_id: input.customer_id,
      }))
      sendAftersalesNotificationStep(message)
    })
    return new WorkflowResponse(recipient)
  }
)
