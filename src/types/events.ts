/**
 * Every event the plugin emits, in one place. Subscribers import these constants; the doc
 * comment of each says what its payload carries.
 */
export const AftersalesEvents = {
  /**
   * `PointsEarnedEventData` — points were credited (pending or available). An order's earning
   * also carries what its message says (`source`, `order_display_id`, `available_at`, `balance`).
   */
  POINTS_EARNED: "loyalty_points.earned",
  /** `{ id: transaction_id, customer_id, points, order_id?, cart_id? }` — points were spent at checkout. */
  POINTS_REDEEMED: "loyalty_points.redeemed",
  /** `{ id: transaction_id, customer_id, points, order_id }` — earned points were taken back (return, cancel). */
  POINTS_REVERSED: "loyalty_points.reversed",
  /** `{ id: transaction_id, customer_id, points }` — a lot of points expired. */
  POINTS_EXPIRED: "loyalty_points.expired",
  /** `{ id: ticket_id, customer_id, order_id?, source }` */
  TICKET_CREATED: "support_ticket.created",
  /** `{ id: ticket_id, customer_id, resolution_id, outcome }` — one event per resolution. */
  TICKET_RESOLVED: "support_ticket.resolved",
  /** `{ id: ticket_id, customer_id }` — a customer reply reopened a resolved ticket. */
  TICKET_REOPENED: "support_ticket.reopened",
  /** `{ id: gesture_id, customer_id, ticket_id?, kind }` */
  GESTURE_ISSUED: "gesture.issued",
  /** `{ id: gesture_id, customer_id, order_id }` — the coupon was used on an order. */
  GESTURE_REDEEMED: "gesture.redeemed",
  /** `{ id: gesture_id, customer_id, order_id }` — an unused gesture was taken back: its order was cancelled. */
  GESTURE_REVOKED: "gesture.revoked",
  /** `{ id: watch_id, order_id, stage, ticket_id }` — a broken delivery promise was found. */
  ORDER_DELAY_DETECTED: "order_delay.detected",
  /** `{ id: request_id, order_id, customer_id, resolution, exchange_id?, return_id? }` */
  RETURN_REQUEST_CREATED: "return_request.created",
} as const

export type AftersalesEventName = (typeof AftersalesEvents)[keyof typeof AftersalesEvents]

/** Payload of `loyalty_points.earned`. */
export type PointsEarnedEventData = {
  /** The ledger entry. */
  id: string
  customer_id: string
  points: number
  order_id?: string | null
  /** Set for an order's earning, as it stood when credited (the message needs no read then). */
  source?: "order" | "birthday"
  order_display_id?: number | null
  /** When pending points become available (ISO), null when available now. */
  available_at?: string | null
  /** Points available after the credit. */
  balance?: number
}
