import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { describeIssues } from "../../../modules/aftersales_settings/defaults"

/** `limit` 1–100 (default 20) and `offset` ≥ 0: a negative or huge page is a 400, not a 500. */
export const StoreGetLoyaltyTransactions = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export type StoreGetLoyaltyTransactionsType = z.infer<typeof StoreGetLoyaltyTransactions>

/** Validates the query string of a ledger page into `req.validatedQuery`. */
export function validateLoyaltyPageQuery(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const parsed = StoreGetLoyaltyTransactions.safeParse(req.query ?? {})
  if (!parsed.success) {
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid query: ${describeIssues(parsed.error.issues)}`
      )
    )
  }
  req.validatedQuery = parsed.data
  next()
}
