import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { AftersalesEvents } from "../types/events"
import { notifySupportCustomerWorkflow } from "../workflows/support"

/** Tells the customer about their gesture, with the code and its end date; once per gesture. */
export default async function gestureIssuedNotify({
  event: { data },
  container,
}: SubscriberArgs<{ id: string; customer_id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [gesture],
  } = await query.graph({
    entity: "gesture",
    fields: ["id", "customer_id", "order_id", "kind", "value", "currency_code", "code", "expires_at", "status"],
    filters: { id: data.id },
  })
  if (!gesture || gesture.status === "pending_approval") {
    return
  }
  await notifySupportCustomerWorkflow(container).run({
    input: {
      customer_id: gesture.customer_id,
      // A gesture for an order's trouble is written where that order's messages go.
      order_id: gesture.order_id,
      about: "order",
      template: "aftersales.gestures.issued",
      idempotency_key: `gesture-issued:${gesture.id}`,
      resource_id: gesture.id,
      resource_type: "gesture",
      data: {
        kind: gesture.kind,
        value: MathBN.convert(gesture.value ?? 0).toNumber(),
        currency_code: gesture.currency_code,
        code: gesture.code,
        expires_at: new Date(gesture.expires_at).toISOString(),
      },
    },
  })
}

export const config: SubscriberConfig = {
  event: AftersalesEvents.GESTURE_ISSUED,
  context: { subscriberId: "aftersales-gesture-issued-notify" },
}
