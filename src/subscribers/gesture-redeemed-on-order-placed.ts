import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { markGesturesRedeemedWorkflow } from "../workflows/gestures"

/** Marks redeemed the goodwill gestures whose coupon the new order used. */
export default async function gestureRedeemedOnOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await markGesturesRedeemedWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "aftersales-gesture-redeemed-on-order-placed" },
}
