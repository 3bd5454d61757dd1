import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderEditWorkflowEvents, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { recordDelayMovementWorkflow } from "../workflows/delays"

/**
 * An order's items changed (an edit was confirmed: items added or quantities changed) or a
 * fulfilment was canceled: the watch is brought back in line with what is left to send, so an
 * item added after shipment is watched too.
 */
export default async function delayWatchOrderChanged({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string }>) {
  await recordDelayMovementWorkflow(container).run({ input: { order_id: data.order_id } })
}

export const config: SubscriberConfig = {
  event: [OrderEditWorkflowEvents.CONFIRMED, OrderWorkflowEvents.FULFILLMENT_CANCELED],
  context: { subscriberId: "aftersales-delay-watch-order-changed" },
}
