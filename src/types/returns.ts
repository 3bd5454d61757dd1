/**
 * What the return rules answer: the resolutions, the codes of a refusal and a line's options.
 * Shared by the return_rules module, workflows, routes and the admin; plain types only.
 */
import type { ReturnSettings } from "./settings"

/** Where a line's return window starts from, in the order tried. */
export type WindowStart = ReturnSettings["window_start"]

/** What a shopper can ask for, in the order the options are offered. */
export const RESOLUTIONS = ["exchange", "store_credit", "refund"] as const
export type Resolution = (typeof RESOLUTIONS)[number]

/**
 * Why something is not allowed. Stable codes a storefront can translate; each answer also
 * carries an English sentence.
 */
export type RuleCode =
  | "order_canceled"
  | "not_fulfilled"
  | "nothing_left_to_return"
  | "final_sale"
  | "window_closed"
  | "store_credit_unavailable"
  | "reason_exchange_only"
  | "exchange_exceeds_returned"

/** A refusal: the code and a sentence that names the line. */
export type RuleRefusal = { code: RuleCode; message: string }

/** The configured exchange bonus and what it is worth for the goods returned. */
export type ExchangeBonus = {
  kind: ReturnSettings["exchange_bonus"]["kind"]
  value: number
  /** How the merchant wants it given. */
  configured_as: ReturnSettings["exchange_bonus"]["as"]
  /** How it is given in this store: store credit needs `@medusajs/loyalty-plugin`. */
  as: ReturnSettings["exchange_bonus"]["as"]
  /** In the order's currency, major units. */
  amount: number
  /** Set when the store gives the bonus differently from the setting, and why. */
  note?: string
}

/** One resolution offered for a line, with the reason when it is not allowed. */
export type ResolutionOption = {
  type: Resolution
  allowed: boolean
  reason?: RuleRefusal
  /** Exchange only: the bonus for exchanging one unit. */
  bonus?: ExchangeBonus
  /** Refund only: return reasons (their `value`) that allow an exchange or credit but no refund. */
  exchange_only_reasons?: string[]
}

/** A line's return window. */
export type LineWindow = {
  days: number
  starts_from: WindowStart
  starts_at: string
  ends_at: string
  open: boolean
}

/** Everything a shopper (or the admin) needs to know about returning one line. */
export type LineOptions = {
  item_id: string
  title: string
  quantity: number
  returnable_quantity: number
  returnable: boolean
  /** Why the line cannot be returned at all. */
  reason?: RuleRefusal
  final_sale: boolean
  /** Null when the line has no window (final sale, not sent yet). */
  window: LineWindow | null
  /**
   * Whether one more unit would be kept (refund or credit without sending it back): the
   * line's whole returned quantity, this unit included, is below the threshold (`keepItemValue`).
   */
  keep_item: boolean
  /** Exchange first, then store credit, then refund. */
  resolutions: ResolutionOption[]
}
