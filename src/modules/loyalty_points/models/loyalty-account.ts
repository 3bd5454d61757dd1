import { model } from "@medusajs/framework/utils"

/**
 * One points account per customer. `balance` and `pending` cache the ledger's sums (available
 * and pending entries); they change only in the same transaction as the ledger row that moves
 * them, with this row locked, so a balance read is one row whatever the ledger's size.
 */
export const LoyaltyAccount = model
  .define(
    { name: "LoyaltyAccount", tableName: "loyalty_points_account" },
    {
      id: model.id({ prefix: "lyacc" }).primaryKey(),
      customer_id: model.text(),
      /** Points the customer can spend now: SUM(points) of available entries. */
      balance: model.number().default(0),
      /** Points earned but not yet available (return window still open). */
      pending: model.number().default(0),
      /**
       * The birthday the customer keeps in `metadata.birthday` ("MM-DD"), as last seen. Kept
       * here, out of the shopper's reach, with the moment it last changed, for the 365-day rule.
       */
      birthday: model.text().nullable(),
      /** When the birthday was changed (null when it was only ever set once). */
      birthday_changed_at: model.dateTime().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["birthday"], where: "deleted_at IS NULL AND birthday IS NOT NULL" },
  ])
