/**
 * The loyalty ledger's shared shapes: what the points module answers, and what workflows,
 * routes and the admin read. Plain TypeScript, no framework or module imports.
 */

/** The kinds of ledger entries (SPEC §1). */
export const LOYALTY_TRANSACTION_TYPES = [
  "earn",
  "redeem",
  "refund",
  "reverse",
  "expire",
  "adjust",
  "bonus",
] as const

export type LoyaltyTransactionType = (typeof LOYALTY_TRANSACTION_TYPES)[number]

/**
 * Months until a lot of points expires when the plugin options set none (0 = never): the
 * default of the `loyalty.expiry_months` setting.
 */
export const DEFAULT_LOYALTY_EXPIRY_MONTHS = 12

/** A ledger entry as the service answers it. */
export type LoyaltyTransactionDTO = {
  id: string
  account_id: string
  customer_id: string
  type: LoyaltyTransactionType
  points: number
  status: "pending" | "available"
  remaining: number
  available_at: Date | string | null
  expires_at: Date | string | null
  idempotency_key: string
  reason: string | null
  source: string | null
  reference_id: string | null
  order_id: string | null
  currency_code: string | null
  amount: number | null
  rate: number | null
  multiplier: number | null
  allocations: Record<string, number> | null
  metadata: Record<string, unknown> | null
  created_at: Date | string
}

/** A customer's points account as the service's generated methods answer it. */
export type LoyaltyAccountDTO = {
  id: string
  customer_id: string
  /** Points the customer can spend now (the ledger's available sum, cached). */
  balance: number
  /** Points earned but not yet available. */
  pending: number
  /** "MM-DD", as last seen on the customer. */
  birthday: string | null
  birthday_changed_at: Date | string | null
  metadata: Record<string, unknown> | null
  created_at: Date | string
  updated_at: Date | string
}
