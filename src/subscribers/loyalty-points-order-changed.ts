import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderEditWorkflowEvents, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { settleOrderPointsWorkflow } from "../workflows/loyalty"

type OrderChange = { order_id: string; claim_id?: string; exchange_id?: string }

/**
 * A claim, an exchange or a confirmed order edit changed what the customer keeps or paid:
 * the order's points follow (a refund claim or a lowered quantity takes back their share and
 * gives back redeemed points owed beyond the money paid; a replacement at the same price
 * changes nothing).
 */
export default async function loyaltyPointsOrderChanged({
  event: { name, data },
  container,
}: SubscriberArgs<OrderChange>) {
  const reason =
    name === OrderEditWorkflowEvents.CONFIRMED
      ? "order edited"
      : data.claim_id
        ? "items claimed"
        : "exchanged for cheaper items"
  await settleOrderPointsWorkflow(container).run({
    input: { order_id: data.order_id, reason, reference_id: data.claim_id ?? data.exchange_id ?? null },
  })
}

export const config: SubscriberConfig = {
  event: [
    OrderWorkflowEvents.CLAIM_CREATED,
    OrderWorkflowEvents.EXCHANGE_CREATED,
    OrderEditWorkflowEvents.CONFIRMED,
  ],
  context: { subscriberId: "aftersales-loyalty-points-order-changed" },
}
