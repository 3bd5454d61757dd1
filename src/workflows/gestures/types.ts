import type { GestureChoice, GestureKind, GestureStatus } from "../../types/gestures"
import type { TicketCategory } from "../../types/support"

export type { GestureChoice, GestureKind, GestureStatus }

/**
 * Statuses of a gesture that stands: it counts against caps and budgets and fills a delay
 * incident's one gesture. A cancelled or revoked one costs nothing.
 */
export const LIVE_GESTURE_STATUSES: readonly GestureStatus[] = ["pending_approval", "issued", "redeemed"]

/** Statuses of a gesture not used yet, which a cancelled order takes back. */
export const REVOCABLE_GESTURE_STATUSES: readonly GestureStatus[] = ["pending_approval", "issued"]

/** The kinds issued as a Medusa promotion with a code. */
export const COUPON_KINDS: readonly GestureKind[] = ["percentage", "fixed", "free_shipping"]

/** Input of `issueGoodwillGestureWorkflow`. */
export type IssueGoodwillGestureInput = {
  /** Who receives the gesture. */
  customer_id: string
  /** The ticket it is given on. */
  ticket_id?: string | null
  /** The resolution it is given on: at most one gesture per resolution. */
  resolution_id?: string | null
  /** The order it makes up for: sets the currency, the percentage cost and the share cap. */
  order_id?: string | null
  /** Picks the policy (the ticket's category). */
  category: TicketCategory
  /**
   * `policy` issues what the category's policy says; `none` nothing; an object is the agent's
   * own choice (still held to the policy's caps). Left out: the policy when it is automatic.
   */
  choice?: GestureChoice
  /** The admin who asked for it: may not approve it. */
  requested_by?: string | null
  /** Makes retries and races issue one gesture, e.g. `resolution:<id>`. */
  idempotency_key: string
}

/** What the store is about to issue, after policy, caps and budget were checked. */
export type GesturePlan = {
  customer_id: string
  ticket_id: string | null
  resolution_id: string | null
  order_id: string | null
  kind: GestureKind
  value: number
  /** Cost to the store, in `currency_code`, major units. */
  amount: number
  currency_code: string
  status: Extract<GestureStatus, "pending_approval" | "issued">
  /** Set for coupon kinds. */
  code: string | null
  expires_at: Date
  requested_by: string | null
  idempotency_key: string
}

/**
 * What a gesture's coupon is worth, in its currency: the booked amount, except free shipping,
 * worth the old order's shipping net of tax (`value`), which the new shipping's tax brings back
 * to the booked amount.
 */
export function couponValueOf(gesture: { kind: GestureKind; value: number; amount: number }): number {
  return gesture.kind === "free_shipping" ? gesture.value : gesture.amount
}
