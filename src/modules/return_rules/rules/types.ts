import type { BigNumberInput } from "@medusajs/framework/types"
import type { ReturnSettings } from "../../aftersales_settings/schemas"

export type { ReturnSettings }

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

/** The product facts the overrides look at. */
export type RuleProduct = {
  type_id?: string | null
  collection_id?: string | null
  category_ids: string[]
  tag_ids: string[]
}

/** One order line as the rules see it: read from the order, never stored by the plugin. */
export type RuleLine = {
  id: string
  title: string
  /** Ordered quantity. */
  quantity: number
  /** Fulfilled minus `returned_quantity`. */
  returnable_quantity: number
  /**
   * Units of this line already returned or asked back: requested, received, dismissed or
   * written off in Medusa's order item detail. Every earlier return request of ours (exchange
   * or return, sent back or kept) and every core return of the line shows up here; a canceled
   * return gives its units back.
   */
  returned_quantity: number
  /** Fulfilled quantity; 0 means nothing was sent yet. */
  fulfilled_quantity: number
  /** The unit price the order charged (major units); Medusa refunds by this price. */
  unit_price: BigNumberInput
  product: RuleProduct | null
  /** Latest delivery of a fulfilment holding this line. */
  delivered_at?: Date | null
  /** Latest fulfilment of this line (shipped, else created). */
  fulfilled_at?: Date | null
}

/** The order as the rules see it. */
export type RuleOrder = {
  id: string
  currency_code: string
  created_at: Date
  canceled: boolean
  lines: RuleLine[]
}

/** Facts about the store the rules need besides the settings. */
export type RuleEnvironment = {
  now: Date
  /** Whether `@medusajs/loyalty-plugin`'s store credit can be issued in this store. */
  store_credit_available: boolean
}
