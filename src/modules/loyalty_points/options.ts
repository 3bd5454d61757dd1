import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { DEFAULT_LOYALTY_EXPIRY_MONTHS } from "../../types/loyalty"

/**
 * The one plugin option the ledger reads itself: `loyalty.expiry_months`, the expiry of lots
 * credited without one. Every module gets the whole options object; the settings module
 * validates all of it at boot, this reads (and checks) only its own field.
 */
const LoyaltyModuleOptionsSchema = z.object({
  loyalty: z
    .object({ expiry_months: z.number().int().min(0).max(120).optional() })
    .optional(),
})

/** Months until a lot credited without an expiry expires (0 = never), from the options. */
export function expiryMonthsOf(options: unknown): number {
  const parsed = LoyaltyModuleOptionsSchema.safeParse(options ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-aftersales: invalid plugin options: ${issue.path.map(String).join(".")}: ${issue.message}`
    )
  }
  return parsed.data.loyalty?.expiry_months ?? DEFAULT_LOYALTY_EXPIRY_MONTHS
}
