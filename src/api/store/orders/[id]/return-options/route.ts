import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreReturnOptionsResponse } from "../../../../../types/http/returns"
import { assertOrderOwner, getReturnOptions } from "../../../../../workflows/returns"

/**
 * What the shopper can do with each line of their order: until when it can be returned, and
 * the resolutions in offer order (exchange with its bonus, store credit, refund), each with the
 * reason when it is not allowed; plus the return reasons and the requests already made.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreReturnOptionsResponse>
) => {
  await assertOrderOwner(req.scope, req.params.id, req.auth_context.actor_id)
  res.json({ return_options: await getReturnOptions(req.scope, req.params.id) })
}
