import { model } from "@medusajs/framework/utils"
import { LOYALTY_TRANSACTION_TYPES } from "../../../types/loyalty"

export { LOYALTY_TRANSACTION_TYPES }

/**
 * One ledger entry: the truth the balance derives from. `points` is signed (a redemption is
 * negative). An entry that credits points is also a "lot": `remaining` is what is left of it to
 * spend, and spending takes the lots that expire soonest first.
 */
export const LoyaltyTransaction = model
  .define(
    { name: "LoyaltyTransaction", tableName: "loyalty_points_transaction" },
    {
      id: model.id({ prefix: "lytx" }).primaryKey(),
      account_id: model.text(),
      customer_id: model.text(),
      type: model.enum([...LOYALTY_TRANSACTION_TYPES]),
      /** Signed change of the balance (or of pending points while `status` is pending). */
      points: model.number(),
      /** `pending` entries count in the account's `pending`, `available` ones in its `balance`. */
      status: model.enum(["pending", "available"]).default("available"),
      /** For a lot: the points of it not yet spent, reversed or expired. */
      remaining: model.number().default(0),
      /** When a pending entry becomes available (the return window closes). */
      available_at: model.dateTime().nullable(),
      /** When what remains of this lot expires; null never. */
      expires_at: model.dateTime().nullable(),
      /** Unique while the entry exists: a retried event or request finds the entry it made. */
      idempotency_key: model.text(),
      reason: model.text().nullable(),
      /** Who or what caused it: `order`, `admin`, `signup`, `birthday`, `gesture`, `checkout`, … */
      source: model.text().nullable(),
      /** The record it is about: an order, a cart, a return, another entry. */
      reference_id: model.text().nullable(),
      order_id: model.text().nullable(),
      currency_code: model.text().nullable(),
      /** Money: the eligible amount earned on, or the value of redeemed points. */
      amount: model.bigNumber().nullable(),
      /** Points per currency unit in force when earned. */
      rate: model.float().nullable(),
      /** Tier multiplier in force when earned. */
      multiplier: model.float().nullable(),
      /** For a redemption: the lots it took points from, `{ lot_id: points }`. */
      allocations: model.json().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      on: ["idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["account_id", "expires_at"], where: "deleted_at IS NULL AND remaining > 0" },
    { on: ["status", "available_at"], where: "deleted_at IS NULL AND status = 'pending'" },
    { on: ["expires_at"], where: "deleted_at IS NULL AND remaining > 0" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
    { on: ["reference_id"], where: "deleted_at IS NULL" },
    {
      // The overview's weekly sums read the entries they count from this index alone.
      name: "IDX_loyalty_points_transaction_overview",
      on: ["created_at", "type", "points"],
      where: "deleted_at IS NULL AND type IN ('earn', 'reverse', 'redeem', 'refund')",
    },
  ])
