import { z } from "@medusajs/framework/zod"

/** A signed, whole, non-zero number of points and the reason, shown in the ledger. */
export const AdminCreateLoyaltyAdjustment = z.strictObject({
  points: z
    .number()
    .int()
    .refine((p) => p !== 0, { message: "must not be 0" })
    .refine((p) => Math.abs(p) <= 10_000_000, { message: "must be at most 10000000 either way" }),
  reason: z.string().trim().min(3).max(500),
})
export type AdminCreateLoyaltyAdjustmentType = z.infer<typeof AdminCreateLoyaltyAdjustment>
