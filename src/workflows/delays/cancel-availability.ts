import type { DelayChoice } from "../../modules/delay_watch/types"

/**
 * Why an order can no longer be canceled, as Medusa's `cancelOrderWorkflow` would refuse it
 * (its `cancel-validate-order` step): already canceled, completed, or a fulfilment that is not
 * canceled — shipped (`shipped`) or only packed (`packed`).
 */
export const CANCEL_UNAVAILABLE = ["canceled", "completed", "shipped", "packed"] as const
export type CancelUnavailable = (typeof CANCEL_UNAVAILABLE)[number]

/** The order as far as a cancel depends on it. */
export type CancelableOrder = {
  id: string
  status?: string | null
  fulfillments?: ({ shipped_at?: unknown; canceled_at?: unknown } | null)[] | null
}

/** Fields of `query.graph` on `order` that `cancelUnavailableOf` needs. */
export const CANCELABLE_ORDER_FIELDS = ["id", "status", "fulfillments.shipped_at", "fulfillments.canceled_at"]

/** Why Medusa would refuse to cancel the order now, or null when it would accept. */
export function cancelUnavailableOf(order: CancelableOrder): CancelUnavailable | null {
  if (order.status === "canceled") {
    return "canceled"
  }
  if (order.status === "completed") {
    return "completed"
  }
  const open = (order.fulfillments ?? []).filter((f) => f && !f.canceled_at)
  if (open.some((f) => f?.shipped_at)) {
    return "shipped"
  }
  if (open.length) {
    return "packed"
  }
  return null
}

/** The shopper-facing sentence for a reason, naming the order. */
export function cancelUnavailableMessage(reason: CancelUnavailable, orderId: string): string {
  switch (reason) {
    case "canceled":
      return `Order ${orderId} is already canceled`
    case "completed":
      return `Order ${orderId} is completed and can no longer be canceled; you can return it instead`
    case "shipped":
      return `Order ${orderId} has already shipped and can no longer be canceled; you can return it once it arrives`
    case "packed":
      return `Order ${orderId} is already being packed for shipping and can no longer be canceled; you can return it once it arrives`
  }
}

/** What a shopper may still choose on a delay ticket, and why not cancel when it is not offered. */
export type DelayChoiceOptions = {
  /** The choice recorded so far. */
  choice: DelayChoice | null
  /** What may be chosen now: nothing once canceled at the shopper's request. */
  options: DelayChoice[]
  /** Why cancel is not offered; null when it is (or when nothing is left to choose). */
  cancel_unavailable_reason: string | null
}

/** The delay choice a ticket offers for its incident's choice and the order as it is now. */
export function delayChoiceOptionsOf(choice: DelayChoice | null, order: CancelableOrder): DelayChoiceOptions {
  if (choice === "cancel") {
    return { choice, options: [], cancel_unavailable_reason: null }
  }
  const reason = cancelUnavailableOf(order)
  if (reason === "canceled") {
    return { choice, options: [], cancel_unavailable_reason: cancelUnavailableMessage(reason, order.id) }
  }
  return {
    choice,
    options: reason ? ["wait"] : ["wait", "cancel"],
    cancel_unavailable_reason: reason ? cancelUnavailableMessage(reason, order.id) : null,
  }
}
