import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { closeDelayWatchWorkflow } from "../workflows/delays"

/** A canceled order's promises are no longer due: its watch closes. */
export default async function delayWatchOrderCanceled({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await closeDelayWatchWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "aftersales-delay-watch-order-canceled" },
}
