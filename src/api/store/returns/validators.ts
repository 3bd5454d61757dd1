import { z } from "@medusajs/framework/zod"

/**
 * What a shopper may send to core's `POST /store/returns`, field by field (core's
 * `StorePostReturnsReqSchema` in 2.21.2 accepts more):
 * - `order_id`, `items[].id`, `items[].quantity`, `items[].reason_id`: checked by the return
 *   rules (owner, window, final sale, returnable quantity, exchange-only reasons).
 * - `return_shipping.option_id`: checked to be a return shipping option offered in the store.
 * - `note`, `items[].note`: free text, bounded; core only stores it.
 * - refused: `receive_now` (would mark the goods received without sending them back),
 *   `location_id` (where the goods are restocked is the merchant's choice),
 *   `return_shipping.price` (the shopper would set their own shipping cost), and any other key.
 * Every object is strict, so a field core adds in a later version is refused until checked.
 */
export const StoreCreateCoreReturn = z.strictObject({
  order_id: z.string().min(1),
  items: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        // A safe integer of at least 1: `1.5` passes core's own `min(1)`.
        quantity: z.number().int().positive(),
        reason_id: z.string().min(1).nullish(),
        note: z.string().max(1000).nullish(),
      })
    )
    .min(1)
    .max(100),
  return_shipping: z.strictObject({
    option_id: z.string().min(1),
  }),
  note: z.string().max(1000).nullish(),
})
export type StoreCreateCoreReturnType = z.infer<typeof StoreCreateCoreReturn>

/** The query core's route reads: only `fields` (which core checks against its allowed list). */
export const StoreCreateCoreReturnQuery = z.strictObject({
  fields: z.string().max(2000).optional(),
})
