import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { messageRecipient, MessageSubject, Recipient } from "../../notifications/recipients"

export const loadCustomerRecipientStepId = "load-aftersales-customer-recipient"

/** Who a shopper notification goes to. */
export type CustomerRecipient = Recipient & { customer_id: string }

/** The customer a message is for and what it is about. */
export type LoadCustomerRecipientStepInput = {
  customer_id: string
  /** The order the message is about, if any. */
  order_id?: string | null
  /** `order`: to the order's email; `account` (default): to the customer's. */
  about?: MessageSubject
}

/**
 * The address and the one language of a customer for a message (see `messageRecipient`): an
 * order matter goes to the order's email, an account matter to the customer's.
 */
export const loadCustomerRecipientStep = createStep(
  loadCustomerRecipientStepId,
  async (input: LoadCustomerRecipientStepInput, { container }) => {
    const recipient = await messageRecipient(container, {
      customer_id: input.customer_id,
      order_id: input.order_id ?? null,
      about: input.order_id && input.about === "order" ? "order" : "account",
    })
    return new StepResponse<CustomerRecipient>({ ...recipient, customer_id: input.customer_id })
  }
)
