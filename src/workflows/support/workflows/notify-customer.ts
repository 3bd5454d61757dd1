import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendAftersalesNotificationStep } from "../../notifications"
import { MessageSubject } from "../../notifications/recipients"
import { loadCustomerRecipientStep } from "../steps"

export const notifySupportCustomerWorkflowId = "notify-aftersales-customer"

/** A support, gesture or points notification to a customer. */
export type NotifySupportCustomerInput = {
  customer_id: string
  /** Template id, e.g. `aftersales.support.resolved`. */
  template: string
  /** Keeps a retried event from sending twice. */
  idempotency_key: string
  resource_id: string
  resource_type: string
  /** Values of the template (`has_account` is added: a guest is never sent to an account). */
  data: Record<string, unknown>
  /** The order the message is about (a ticket's or a gesture's order), if any. */
  order_id?: string | null
  /** `order`: written to the order's email; `account` (default): to the customer's. */
  about?: MessageSubject
  /**
   * @deprecated The customer's one language is used for every message (see
   * `customerLocales`); kept so existing callers compile.
   */
  currency_code?: string | null
}

/**
 * Sends one notification to a customer in their one language, once per idempotency key, to
 * the order's email for an order matter and the account's for an account matter. A customer
 * without an email (or deleted) gets nothing, and nothing fails.
 */
export const notifySupportCustomerWorkflow = createWorkflow(
  notifySupportCustomerWorkflowId,
  (input: NotifySupportCustomerInput) => {
    const recipient = loadCustomerRecipientStep({
      customer_id: input.customer_id,
      order_id: input.order_id,
      about: input.about,
    })
    when("customer-has-email", { recipient }, ({ recipient }) => !!recipient.email).then(() => {
      const message = transform({ input, recipient }, ({ input, recipient }) => ({
        template: input.template,
        to: recipient.email as string,
        locale: recipient.locale,
        locale_chosen: true,
        data: { ...input.data, has_account: recipient.has_account },
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
