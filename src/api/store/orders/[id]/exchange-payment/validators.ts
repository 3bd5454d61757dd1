import { z } from "@medusajs/framework/zod"

/** `POST /store/orders/:id/exchange-payment` */
export const StorePayExchangeDifference = z.strictObject({
  /** A payment provider enabled in the order's region, e.g. `pp_system_default`. */
  provider_id: z.string().min(1).max(200),
  /** Passed to the provider when a new payment session is started. */
  data: z.record(z.string(), z.unknown()).optional(),
})
export type StorePayExchangeDifferenceType = z.infer<typeof StorePayExchangeDifference>
