import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AdminGestureListResponse } from "../../../types/http/gestures"
import { ADMIN_GESTURE_FIELDS, toAdminGesture } from "./helpers"
import { AdminGetGesturesParamsType } from "./validators"

/** Gestures, newest first; filter by status, kind, customer, order or ticket. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetGesturesParamsType>,
  res: MedusaResponse<AdminGestureListResponse>
) => {
  const { limit, offset, ...filters } = req.validatedQuery as AdminGetGesturesParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "gesture",
    fields: ADMIN_GESTURE_FIELDS,
    filters,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({
    gestures: data.map(toAdminGesture),
    count: metadata?.count ?? data.length,
    offset,
    limit,
  })
}
