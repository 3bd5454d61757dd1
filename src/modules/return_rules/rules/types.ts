import type { BigNumberInput } from "@medusajs/framework/types"
import type { ReturnSettings } from "../../../types/settings"

export type { ReturnSettings }
// What the rules answer is read by routes and the admin too, so it lives in src/types.
export * from "../../../types/returns"

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
