import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LoyaltyTransactionsResponse } from "../../../../types/http/loyalty"
import { loyaltyTransactionsPage } from "../../../../workflows/loyalty/account-view"
import { StoreGetLoyaltyTransactionsType } from "../validators"

/** The logged-in shopper's ledger, newest first; only their own entries. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetLoyaltyTransactionsType>,
  res: MedusaResponse<LoyaltyTransactionsResponse>
) => {
  const { limit, offset } = req.validatedQuery as StoreGetLoyaltyTransactionsType
  res.json(await loyaltyTransactionsPage(req.scope, req.auth_context.actor_id, { limit, offset }))
}
