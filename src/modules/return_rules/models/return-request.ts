import { model } from "@medusajs/framework/utils"
import { RESOLUTIONS } from "../rules/types"

/**
 * A shopper's return request: who asked what, when, under which idempotency key, and which
 * real Medusa exchange or return it created. The order data itself (items, amounts, status)
 * stays in the Order module; this record only points at it, for history and for replays.
 */
export const ReturnRequest = model
  .define({ name: "ReturnRequest", tableName: "return_rules_return_request" }, {
    id: model.id({ prefix: "retreq" }).primaryKey(),
    order_id: model.text().index("IDX_return_rules_return_request_order_id"),
    customer_id: model.text(),
    /** From the `Idempotency-Key` header, else generated: a replay answers the first request. */
    idempotency_key: model.text(),
    resolution: model.enum([...RESOLUTIONS]),
    /** The shopper keeps the goods (below the keep-the-item threshold): nothing is sent back. */
    keep_item: model.boolean().default(false),
    /** What was asked: `[{ id, quantity, reason_id? }]` and, for an exchange, the new variants. */
    items: model.json(),
    exchange_items: model.json().nullable(),
    /** Exchange bonus taken off the new items' prices, in the order's currency. */
    bonus_amount: model.bigNumber().nullable(),
    currency_code: model.text(),
    exchange_id: model.text().nullable(),
    return_id: model.text().nullable(),
    /**
     * Exchange only: Medusa's payment collection for what the order still owed once the exchange
     * was confirmed (a dearer exchange); null when nothing was owed.
     */
    payment_collection_id: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    {
      name: "IDX_return_rules_return_request_idempotency",
      on: ["customer_id", "idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    // The overview's requests per week by resolution, from the index alone.
    {
      name: "IDX_return_rules_return_request_overview",
      on: ["created_at", "resolution"],
      where: "deleted_at IS NULL",
    },
  ])
