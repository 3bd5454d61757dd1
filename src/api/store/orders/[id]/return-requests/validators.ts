import { z } from "@medusajs/framework/zod"
import { RESOLUTIONS } from "../../../../../modules/return_rules/rules/types"

/** `POST /store/orders/:id/return-requests` */
export const StoreCreateReturnRequest = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          quantity: z.number().int().positive(),
          reason_id: z.string().min(1).nullish(),
        })
      )
      .min(1)
      .max(100),
    resolution: z.enum(RESOLUTIONS),
    exchange_items: z
      .array(
        z.strictObject({
          variant_id: z.string().min(1),
          quantity: z.number().int().positive(),
        })
      )
      .min(1)
      .max(50)
      .optional(),
  })
  .refine((b) => (b.resolution === "exchange") === (b.exchange_items !== undefined), {
    message: "exchange_items is required for an exchange and not allowed otherwise",
    path: ["exchange_items"],
  })
export type StoreCreateReturnRequestType = z.infer<typeof StoreCreateReturnRequest>
