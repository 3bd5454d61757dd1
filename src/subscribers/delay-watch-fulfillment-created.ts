import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { recordDelayMovementWorkflow } from "../workflows/delays"

/** A fulfilment was created for an order: its goods are being packed. */
export default async function delayWatchFulfillmentCreated({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  await recordDelayMovementWorkflow(container).run({
    input: { order_id: data.order_id },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
  context: { subscriberId: "aftersales-delay-watch-fulfillment-created" },
}
