import { z } from "@medusajs/framework/zod"
import { CARRIER_EXCEPTIONS } from "../../../../modules/delay_watch/types"

/** A carrier's report: an exception for a tracking number or a fulfilment (one at least). */
export const CarrierWebhookBody = z
  .strictObject({
    // Trimmed: a blank tracking number names no parcel (and must not ride along a fulfilment id).
    tracking_number: z.string().trim().min(1).max(200).optional(),
    fulfillment_id: z.string().trim().min(1).max(200).optional(),
    exception: z.enum(CARRIER_EXCEPTIONS),
    event_id: z.string().max(200).optional(),
    message: z.string().max(2000).optional(),
    occurred_at: z.string().datetime({ offset: true }).optional(),
  })
  .refine((b) => !!b.tracking_number || !!b.fulfillment_id, {
    message: "tracking_number or fulfillment_id is required",
  })
export type CarrierWebhookBodyType = z.infer<typeof CarrierWebhookBody>
