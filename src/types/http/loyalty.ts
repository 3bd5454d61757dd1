import { LoyaltyTransactionDTO } from "../loyalty"

/** A customer's points, as the storefront account page and the admin widget show them. */
export type LoyaltyAccountView = {
  customer_id: string
  /** Points that can be spent now. */
  balance: number
  /** Points earned on orders whose return window is still open. */
  pending: number
  /** The tier by points earned in the last 12 months, with its multiplier. */
  tier: { name: string; multiplier: number } | null
  /** The next tier and the points still needed to reach it. */
  next_tier: { name: string; points_needed: number } | null
  earned_12_months: number
  /** The soonest expiry and how many points expire then. */
  next_expiry: { points: number; expires_at: string | Date } | null
}

/** A ledger entry as the Store and Admin APIs answer it. */
export type LoyaltyTransactionView = Pick<
  LoyaltyTransactionDTO,
  | "id"
  | "type"
  | "points"
  | "status"
  | "reason"
  | "source"
  | "order_id"
  | "reference_id"
  | "currency_code"
  | "amount"
  | "rate"
  | "multiplier"
  | "available_at"
  | "expires_at"
  | "created_at"
> & {
  remaining: number
  /** The order the entry is about (a `redeem` names the order it paid for), when it exists. */
  order: { id: string; display_id: number } | null
}

export type StoreLoyaltyResponse = { loyalty: LoyaltyAccountView }

export type LoyaltyTransactionsResponse = {
  transactions: LoyaltyTransactionView[]
  count: number
  offset: number
  limit: number
}

/** What `GET /store/carts/:id/loyalty-points` answers. */
export type StoreCartLoyaltyPoints = {
  cart_id: string
  currency_code: string
  balance: number
  /** Points this cart would earn as it stands (before the tier's changes by this order). */
  earnable: number
  /** Money per point in the cart's currency; null when points cannot be used in it. */
  point_value: number | null
  min_points: number
  max_points: number
  /** Points applied to the cart now, and their value. */
  applied_points: number
  applied_amount: number
}

export type StoreCartLoyaltyPointsResponse = { loyalty_points: StoreCartLoyaltyPoints }

export type StoreApplyCartLoyaltyPointsBody = { points?: number; max?: boolean }

export type AdminCustomerLoyaltyResponse = {
  loyalty: LoyaltyAccountView
} & LoyaltyTransactionsResponse

export type AdminLoyaltyAdjustmentBody = { points: number; reason: string }

export type AdminLoyaltyAdjustmentResponse = {
  transaction: LoyaltyTransactionView
  loyalty: LoyaltyAccountView
}
