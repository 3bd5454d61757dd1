import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AdminCustomerLoyaltyResponse } from "../../../../../types/http/loyalty"
import {
  loyaltyAccountView,
  loyaltyTransactionsPage,
} from "../../../../../workflows/loyalty/account-view"
import { StoreGetLoyaltyTransactionsType } from "../../../../store/loyalty/validators"
import { assertCustomerExists } from "./helpers"

/** A customer's points and a page of their ledger, for the customer widget. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetLoyaltyTransactionsType>,
  res: MedusaResponse<AdminCustomerLoyaltyResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  const page = req.validatedQuery as StoreGetLoyaltyTransactionsType
  const [loyalty, transactions] = await Promise.all([
    loyaltyAccountView(req.scope, req.params.id),
    loyaltyTransactionsPage(req.scope, req.params.id, page),
  ])
  res.json({ loyalty, ...transactions })
}
