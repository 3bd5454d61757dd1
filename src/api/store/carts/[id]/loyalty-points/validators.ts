import { z } from "@medusajs/framework/zod"

/** `{ points }` (whole, positive) or `{ max: true }`, not both. */
export const StoreApplyCartLoyaltyPoints = z
  .strictObject({
    points: z.number().int().positive().optional(),
    max: z.literal(true).optional(),
  })
  .refine((b) => (b.points === undefined) !== (b.max === undefined), {
    message: "give either points (a whole number) or max: true",
  })
export type StoreApplyCartLoyaltyPointsType = z.infer<typeof StoreApplyCartLoyaltyPoints>
