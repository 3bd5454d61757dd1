import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { recordLoyaltyBirthdayWorkflow } from "../workflows/loyalty"

/**
 * Keeps the birthday on the points account in step with `metadata.birthday` on the customer,
 * so the birthday job knows when it last changed. Core emits one event per customer id.
 */
export default async function loyaltyPointsBirthday({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await recordLoyaltyBirthdayWorkflow(container).run({ input: { customer_id: data.id } })
}

export const config: SubscriberConfig = {
  event: [CustomerWorkflowEvents.CREATED, CustomerWorkflowEvents.UPDATED],
  context: { subscriberId: "aftersales-loyalty-points-birthday" },
}
