import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { eraseCustomerAftersalesWorkflow, isActiveCustomer } from "../workflows/privacy"

/**
 * A deleted customer's after-sales data is erased with the figures kept (see the README's
 * "Privacy"): points closed out, tickets anonymised, pending gestures cancelled. A redelivered
 * event changes nothing more; a customer restored before the event arrives is left alone.
 */
export default async function customerDeletedPrivacy({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  if (await isActiveCustomer(container, data.id)) {
    return
  }
  await eraseCustomerAftersalesWorkflow(container).run({
    input: { customer_id: data.id, reason: "customer_deleted" },
  })
}

export const config: SubscriberConfig = {
  event: CustomerWorkflowEvents.DELETED,
  context: { subscriberId: "aftersales-customer-deleted-privacy" },
}
