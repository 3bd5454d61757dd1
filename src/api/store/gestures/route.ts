import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { StoreGestureListResponse } from "../../../types/http/gestures"
import { StoreGetGesturesParamsType } from "./validators"

const FIELDS = [
  "id",
  "kind",
  "value",
  "currency_code",
  "status",
  "code",
  "expires_at",
  "ticket_id",
  "order_id",
  "created_at",
]

/**
 * The shopper's own gestures. A gesture waiting for approval shows without its code (it has
 * none yet); budgets and who approved are not the shopper's business.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetGesturesParamsType>,
  res: MedusaResponse<StoreGestureListResponse>
) => {
  const { limit, offset, status } = req.validatedQuery as StoreGetGesturesParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "gesture",
    fields: FIELDS,
    filters: {
      customer_id: req.auth_context.actor_id,
      status: status ?? ["pending_approval", "issued", "redeemed"],
    },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({
    gestures: data.map((g) => ({
      ...g,
      value: MathBN.convert(g.value ?? 0).toNumber(),
      code: g.status === "pending_approval" ? null : g.code ?? null,
    })),
    count: metadata?.count ?? data.length,
    offset,
    limit,
  })
}
