import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { revokeOrderGesturesWorkflow } from "../workflows/gestures"

/** A cancelled order takes back the goodwill gestures given for it that are still unused. */
export default async function gesturesOrderCanceled({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await revokeOrderGesturesWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "aftersales-gestures-order-canceled" },
}
