/** Amounts per currency, in major units: `{ eur: 12.5, try: 400 }`. */
export type MoneyByCurrency = Record<string, number>

/** One week of the overview's charts (weeks start on Monday, UTC). */
export interface OverviewWeek {
  week: string
  points_earned: number
  points_redeemed: number
  tickets_opened: number
  tickets_breached: number
  ratings: number
  rating_sum: number
  requests_exchange: number
  requests_store_credit: number
  requests_refund: number
  gestures_issued: number
  gestures_redeemed: number
  gesture_cost: MoneyByCurrency
  late_detected: number
}

/** `GET /admin/aftersales/overview`: figures over the period and a weekly series for charts. */
export interface AdminAftersalesOverviewResponse {
  period: { from: string; to: string; weeks: number }
  loyalty: {
    points_available: number
    points_pending: number
    /** What the outstanding points are worth, in each currency that has a point value. */
    liability: MoneyByCurrency
    points_earned: number
    points_redeemed: number
    /** Redeemed ÷ earned over the period; null when nothing was earned. */
    redemption_rate: number | null
  }
  returns: {
    requests: number
    exchanges: number
    store_credit: number
    refunds: number
    /** Exchanges ÷ requests; null without requests. */
    exchange_share: number | null
  }
  gestures: {
    issued: number
    redeemed: number
    pending_approval: number
    redemption_rate: number | null
    cost: MoneyByCurrency
  }
  support: {
    tickets: number
    open: number
    breached: number
    breach_rate: number | null
    ratings: number
    average_rating: number | null
  }
  delays: {
    late_orders: Record<"ship" | "deliver" | "carrier", number>
    total_late: number
  }
  series: OverviewWeek[]
  recent: {
    late_orders: { order_id: string; stage: string; detected_at: string; ticket_id: string | null }[]
    breached_tickets: { id: string; number: string; subject: string; sla_breached_at: string }[]
    gestures: { id: string; kind: string; status: string; amount: number; currency_code: string; customer_id: string; created_at: string }[]
  }
}
