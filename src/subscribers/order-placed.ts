import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { startDelayWatchWorkflow } from "../workflows/delays"
import { markGesturesRedeemedWorkflow } from "../workflows/gestures"
import { earnOrderPointsWorkflow } from "../workflows/loyalty"
import { aftersalesSettings } from "../workflows/loyalty/utils"
import { loadPlacedOrder } from "../workflows/orders/placed-order"
import { promotionCodesOf } from "../workflows/orders/promotion-codes"
import { afterResponse } from "../utils/after-response"
import { checkpoint } from "../utils/pause-point"

/**
 * What the plugin does when an order is placed: points earned (pending), the delivery promise,
 * goodwill coupons the order used marked redeemed (the points it was paid with are named on
 * their `redeem` entry in the completion itself: `src/workflows/hooks/complete-cart.ts`).
 * With Medusa's local event bus this runs in the store's process the moment the completion
 * workflow ends, while the completion route
 * still reads the order for its answer; so it waits for that answer to go out, and reads the
 * order and the settings once for all three domains rather than once each (both showed as
 * checkout latency over stock Medusa in `npm run bench:checkout`, and as worker time per order
 * in `npm run bench:cluster`). Each domain still runs its own workflow, one after
 * the other, so one failing undoes nothing of the others; all are idempotent, so a redelivered
 * event changes nothing.
 */
export default async function aftersalesOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await afterResponse()
  const order = await loadPlacedOrder(container, data.id)
  if (!order) {
    return
  }
  const input = { order_id: order.id, order, settings: await aftersalesSettings(container) }
  const runs: (() => Promise<unknown>)[] = [
    () => startDelayWatchWorkflow(container).run({ input }),
    // Test-only (inert in production): the crash tests stop a worker here, between the
    // delivery promise and the points.
    () => checkpoint(container, "order-placed:after-delay-watch"),
  ]
  // Guests earn nothing and most orders use no coupon: no workflow to run for those.
  if (order.customer_id && order.customer?.has_account) {
    runs.push(() => earnOrderPointsWorkflow(container).run({ input }))
  }
  if (promotionCodesOf(order).length) {
    runs.push(() => markGesturesRedeemedWorkflow(container).run({ input }))
  }
  const errors: unknown[] = []
  for (const run of runs) {
    await run().catch((e) => errors.push(e))
  }
  if (errors.length) {
    // The event bus logs what a subscriber throws; the first error names what went wrong.
    throw errors[0]
  }
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "aftersales-order-placed" },
}
