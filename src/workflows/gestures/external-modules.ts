/**
 * Container keys of modules this plugin uses when a store has them, without depending on them.
 */

/** The loyalty points module of this plugin (issue 1): `addBonusPoints` credits gesture points. */
export const LOYALTY_POINTS_MODULE = "loyalty_points"

/** `@medusajs/loyalty-plugin`'s store-credit module. */
export const STORE_CREDIT_MODULE = "store_credit"

/** What the gesture workflows call on the points module. */
export interface LoyaltyPointsBonusApi {
  addBonusPoints(input: {
    customer_id: string
    points: number
    reason: string
    idempotency_key: string
    source: "gesture"
    reference_id: string
  }): Promise<unknown>
}
