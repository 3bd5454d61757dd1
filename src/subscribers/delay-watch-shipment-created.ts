import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FulfillmentWorkflowEvents } from "@medusajs/framework/utils"
import { recordDelayMovementWorkflow } from "../workflows/delays"

/** A fulfilment was shipped (core's payload carries the fulfilment id): the ship promise is kept. */
export default async function delayWatchShipmentCreated({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await recordDelayMovementWorkflow(container).run({
    input: { fulfillment_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: FulfillmentWorkflowEvents.SHIPMENT_CREATED,
  context: { subscriberId: "aftersales-delay-watch-shipment-created" },
}
