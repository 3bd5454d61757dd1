import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { earnOrderPointsWorkflow } from "../workflows/loyalty"

/** Earns points for a placed order; a redelivered event earns nothing more. */
export default async function loyaltyPointsOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await earnOrderPointsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "aftersales-loyalty-points-order-placed" },
}
