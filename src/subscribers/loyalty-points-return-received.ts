import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { takeBackReturnedPointsWorkflow } from "../workflows/loyalty"

/**
 * A return received (each round of it, when it comes back in parts): the order's points follow
 * what the customer now keeps.
 */
export default async function loyaltyPointsReturnReceived({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await takeBackReturnedPointsWorkflow(container).run({
    input: { order_id: data.order_id, return_id: data.return_id },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.RETURN_RECEIVED,
  context: { subscriberId: "aftersales-loyalty-points-return-received" },
}
