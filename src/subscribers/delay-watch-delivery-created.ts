import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FulfillmentWorkflowEvents } from "@medusajs/framework/utils"
import { recordDelayMovementWorkflow } from "../workflows/delays"

/** A fulfilment was delivered; once all are, the order's watch closes. */
export default async function delayWatchDeliveryCreated({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await recordDelayMovementWorkflow(container).run({
    input: { fulfillment_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: FulfillmentWorkflowEvents.DELIVERY_CREATED,
  context: { subscriberId: "aftersales-delay-watch-delivery-created" },
}
