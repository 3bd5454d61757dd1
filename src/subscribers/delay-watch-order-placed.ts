import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { startDelayWatchWorkflow } from "../workflows/delays"

/** Every placed order gets its delivery promise (ship by, deliver by). */
export default async function delayWatchOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await startDelayWatchWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "aftersales-delay-watch-order-placed" },
}
