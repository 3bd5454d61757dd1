import { z } from "@medusajs/framework/zod"
import { paginationParams, validateQuery } from "../../utils/validate-query"

/** `limit` 1–100 (default 20) and `offset` ≥ 0: a negative or huge page is a 400, not a 500. */
export const StoreGetLoyaltyTransactions = z.strictObject(paginationParams)
export type StoreGetLoyaltyTransactionsType = z.infer<typeof StoreGetLoyaltyTransactions>

/** Validates the query string of a ledger page into `req.validatedQuery`. */
export const validateLoyaltyPageQuery = validateQuery(StoreGetLoyaltyTransactions)
