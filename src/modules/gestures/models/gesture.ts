import { model } from "@medusajs/framework/utils"
import { GESTURE_KINDS, GESTURE_STATUSES } from "../../../types/gestures"

/**
 * A goodwill gesture given to a customer, usually on a ticket's resolution. Coupon kinds point
 * to a real Medusa promotion (`promotion_id`, `code`); `amount` is what it costs the store, in
 * `currency_code`, and is what caps and budgets count.
 */
export const Gesture = model
  .define({ name: "Gesture", tableName: "gestures_gesture" }, {
    id: model.id({ prefix: "gest" }).primaryKey(),
    customer_id: model.text().index("IDX_gestures_gesture_customer_id"),
    ticket_id: model.text().index("IDX_gestures_gesture_ticket_id").nullable(),
    /** At most one gesture per resolution: the database keeps it unique. */
    resolution_id: model.text().nullable(),
    order_id: model.text().index("IDX_gestures_gesture_order_id").nullable(),
    kind: model.enum([...GESTURE_KINDS]),
    /**
     * Percent for `percentage`, money for `fixed`/`store_credit`, points for `points`; for
     * `free_shipping` the old order's shipping net of tax (what its coupon takes off shipping).
     */
    value: model.bigNumber(),
    /** The cost to the store in `currency_code`, counted by budgets and the approval threshold. */
    amount: model.bigNumber(),
    currency_code: model.text(),
    status: model.enum([...GESTURE_STATUSES]),
    code: model.text().nullable(),
    promotion_id: model.text().nullable(),
    expires_at: model.dateTime(),
    /** The admin who resolved the ticket (who may not approve it). */
    requested_by: model.text().nullable(),
    approved_by: model.text().nullable(),
    approved_at: model.dateTime().nullable(),
    issued_at: model.dateTime().nullable(),
    redeemed_order_id: model.text().nullable(),
    redeemed_at: model.dateTime().nullable(),
    /** When an unused gesture was taken back (its order was cancelled). */
    revoked_at: model.dateTime().nullable(),
    idempotency_key: model.text(),
    metadata: model.json().nullable(),
  })
  .indexes([
    {
      name: "IDX_gestures_gesture_idempotency_key_unique",
      on: ["idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_gestures_gesture_resolution_id_unique",
      on: ["resolution_id"],
      unique: true,
      where: "deleted_at IS NULL AND resolution_id IS NOT NULL",
    },
    {
      name: "IDX_gestures_gesture_code_unique",
      on: ["code"],
      unique: true,
      where: "deleted_at IS NULL AND code IS NOT NULL",
    },
    // The overview: gestures per week (counted from the index alone) and the last ones.
    {
      name: "IDX_gestures_gesture_created_at",
      on: ["created_at", "issued_at", "redeemed_at"],
      where: "deleted_at IS NULL",
    },
  ])
