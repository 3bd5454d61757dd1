import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { takeBackCanceledOrderPointsWorkflow } from "../workflows/loyalty"

/** A cancelled order gives back redeemed points and voids what it earned. */
export default async function loyaltyPointsOrderCanceled({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await takeBackCanceledOrderPointsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "aftersales-loyalty-points-order-canceled" },
}
