import { BigNumberInput } from "@medusajs/framework/types"
import { LoyaltyTransactionDTO } from "../../types/loyalty"

export type {
  LoyaltyAccountDTO,
  LoyaltyTransactionDTO,
  LoyaltyTransactionType,
} from "../../types/loyalty"

/** Input of `addBonusPoints` (the contract other domains call, e.g. `points` gestures). */
export type AddBonusPointsInput = {
  customer_id: string
  /** Whole, positive points. */
  points: number
  reason: string
  /** A second call with the same key answers the first entry and credits nothing. */
  idempotency_key: string
  /** `signup`, `birthday`, `gesture`, …; `bonus` when not given. */
  source?: string
  /** The record it is for, e.g. a gesture id. */
  reference_id?: string
  /**
   * When the lot expires. Workflows pass the date from the live settings; when omitted the
   * plugin options' `expiry_months` applies (0 = never).
   */
  expires_at?: Date | null
}

/** Input of `earnPoints`: points for a placed order, pending until `available_at`. */
export type EarnPointsInput = {
  customer_id: string
  order_id: string
  points: number
  amount: BigNumberInput
  currency_code: string
  rate: number
  multiplier: number
  available_at: Date
  expires_at: Date | null
  idempotency_key: string
  /** Eligible amount per order line, so a return reverses exactly its share. */
  lines: Record<string, { quantity: number; amount: number; base?: number }>
  /** The eligible amount before what was paid with points or credit (stored with the lines). */
  base?: number
}

/** What crediting a lot answers (`earnPoints`). */
export type CreditResult = {
  transaction: LoyaltyTransactionDTO
  /** False when the key had been credited before: the first entry is answered. */
  created: boolean
  /** Points available on the account after the credit. */
  balance: number
}

/** Input of `redeemForCart`. */
export type RedeemForCartInput = {
  customer_id: string
  cart_id: string
  points: number
  /** What the points are worth in the cart's currency. */
  amount: BigNumberInput
  currency_code: string
}

/** Input of `refundRedemption`: give redeemed points back to the lots they came from. */
export type RefundRedemptionInput = {
  redemption_id: string
  idempotency_key: string
  reason: string
  order_id?: string | null
}

/** Input of `reverseEarned`: take back earned points (cancel, return). */
export type ReverseEarnedInput = {
  earn_id: string
  points: number
  idempotency_key: string
  reason: string
  reference_id?: string | null
}

/** Input of `adjustPoints`: an admin's correction, with a reason. */
export type AdjustPointsInput = {
  customer_id: string
  /** Signed whole points; a debit cannot take the balance below zero. */
  points: number
  reason: string
  idempotency_key: string
  expires_at?: Date | null
  /** The admin user who made it. */
  created_by?: string | null
}

/** What a customer's account looks like now (one row read plus one indexed lookup). */
export type LoyaltyAccountSummary = {
  account_id: string | null
  customer_id: string
  balance: number
  pending: number
  next_expiry: { points: number; expires_at: Date | string } | null
}

/** A page of accounts for a job run: at most `limit`, with ids after `afterId`. */
export type DuePage = { afterId?: string; limit?: number }

/** An account a job run could not process (left as it was; the next run retries it). */
export type AccountFailure = { account_id: string; message: string }

/** What one page of `unlockDue` did. */
export type UnlockRun = {
  entries: number
  /** Accounts that had points made available. */
  accounts: number
  points: number
  failed: AccountFailure[]
  /** Where the next page starts; null when this page was the last. */
  last_account_id: string | null
}

/** What one page of `expireDue` did. */
export type ExpiryRun = {
  /** The `expire` entries written. */
  entries: LoyaltyTransactionDTO[]
  /** Accounts that had points expire. */
  accounts: number
  failed: AccountFailure[]
  last_account_id: string | null
}

/**
 * Input of `reverseEarnedTo`: brings what has been taken back of an earning up to `total`
 * (a target computed from the order's current state; never gives points back).
 */
export type ReverseEarnedToInput = {
  earn_id: string
  /** Whole points that should have been taken back of the earning in all, by now. */
  total: number
  reason: string
  reference_id?: string | null
}

/**
 * Input of `refundRedeemedTo`: brings what has been given back of a redemption up to `total`
 * points (never more than were redeemed; never takes points back).
 */
export type RefundRedeemedToInput = {
  redemption_id: string
  /** Whole points that should have been given back of the redemption in all, by now. */
  total: number
  reason: string
  order_id?: string | null
}
