import { LoyaltyTransactionDTO } from "../../modules/loyalty_points/types"

/** The `loyalty_points.reversed` payloads of the reversals an order's settlement wrote. */
export function reversedEvents(reversed: LoyaltyTransactionDTO[], orderId: string) {
  return reversed.map((e) => ({ id: e.id, customer_id: e.customer_id, points: -e.points, order_id: orderId }))
}
