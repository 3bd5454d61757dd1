import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreLoyaltyResponse } from "../../../types/http/loyalty"
import { loyaltyAccountView } from "../../../workflows/loyalty/account-view"

/** The logged-in shopper's points: balance, pending, tier, next expiry. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreLoyaltyResponse>
) => {
  res.json({ loyalty: await loyaltyAccountView(req.scope, req.auth_context.actor_id) })
}
