import type { ReturnOptions } from "./returns"

/** A points ledger entry as the order widget shows it. */
export interface OrderPointsEntry {
  id: string
  type: string
  points: number
  status: string
  amount: number | null
  currency_code: string | null
  reason: string | null
  created_at: string | Date
}

/** `GET /admin/orders/:id/aftersales`: everything the order widget shows, in one request. */
export interface AdminOrderAftersalesResponse {
  order_id: string
  loyalty: {
    /** Points this order earned, less what returns and cancellation took back. */
    points_earned: number
    /** Points spent on this order, less what was given back. */
    points_redeemed: number
    entries: OrderPointsEntry[]
  }
  tickets: {
    id: string
    display_id: number
    /** The number people quote, e.g. `#1001`. */
    number: string
    subject: string
    category: string
    status: string
    priority: string
    source: string
    sla_breached_at: string | Date | null
    created_at: string | Date
  }[]
  gestures: {
    id: string
    kind: string
    status: string
    amount: number
    currency_code: string
    code: string | null
    expires_at: string | Date
    redeemed_at: string | Date | null
  }[]
  delay: {
    status: string
    ship_by: string | Date
    deliver_by: string | Date
    shipped_at: string | Date | null
    delivered_at: string | Date | null
    late_stage: string | null
    incidents: { id: string; stage: string; cause: string; ticket_id: string | null; choice: string | null; new_estimate: string | Date }[]
  } | null
  return_options: ReturnOptions | null
}
