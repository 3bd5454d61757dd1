/**
 * What each module answers the after-sales overview (`GET /admin/aftersales/overview`): its own
 * figures over a period, in weekly buckets, computed in the database. The route combines them.
 */

/**
 * The span of an overview: weeks of 7 × 24 hours from `from` (a Monday, 00:00 UTC), one for each
 * week that starts at or before `to`. The last week is counted whole, also after `to`.
 */
export interface OverviewPeriod {
  from: Date
  to: Date
}

/** One week's figures of a module; `week` is the Monday it starts on (`YYYY-MM-DD`, UTC). */
export type OverviewWeekOf<T> = { week: string } & T

/** The loyalty points module's part. */
export interface LoyaltyOverviewSummary {
  /** Points customers can spend now, over all accounts. */
  points_available: number
  /** Points earned but not yet available, over all accounts. */
  points_pending: number
  /** Earned (earn + reverse) and redeemed (−(redeem + refund)) points per week. */
  weeks: OverviewWeekOf<{ earned: number; redeemed: number }>[]
}

/** The support module's part. */
export interface SupportOverviewSummary {
  /** Tickets open or waiting for the customer, of any age. */
  open: number
  /** Tickets opened and, of those, breached per week of opening; ratings per week rated. */
  weeks: OverviewWeekOf<{ opened: number; breached: number; ratings: number; rating_sum: number }>[]
  /** The ten tickets breached last. */
  recent_breached: { id: string; display_id: number; subject: string; sla_breached_at: Date }[]
}

/** The gestures module's part. */
export interface GesturesOverviewSummary {
  /** Gestures waiting for a second admin's approval, of any age. */
  pending_approval: number
  /**
   * Gestures created per week, of them issued and redeemed, and the money issued coupons with
   * an amount and store credit cost, per currency, as decimal strings (the column's exact sum).
   */
  weeks: OverviewWeekOf<{ issued: number; redeemed: number; cost: Record<string, string> }>[]
  /** The ten gestures created last; `amount` is a decimal string. */
  recent: {
    id: string
    kind: string
    status: string
    amount: string
    currency_code: string
    customer_id: string
    created_at: Date
  }[]
}

/** The return rules module's part: return requests per week, by resolution. */
export interface ReturnsOverviewSummary {
  weeks: OverviewWeekOf<{ exchange: number; store_credit: number; refund: number }>[]
}

/** The delay watch module's part. */
export interface DelaysOverviewSummary {
  /** Orders late now (neither delivered nor closed), by the stage found late last. */
  late: Record<"ship" | "deliver" | "carrier", number>
  /** Incidents detected per week. */
  weeks: OverviewWeekOf<{ detected: number }>[]
  /** The ten incidents detected last. */
  recent: { order_id: string; stage: string; detected_at: Date; ticket_id: string | null }[]
}
