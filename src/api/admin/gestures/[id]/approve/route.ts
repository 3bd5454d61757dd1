import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AdminGestureResponse } from "../../../../../types/http/gestures"
import { approveGoodwillGestureWorkflow } from "../../../../../workflows/gestures"
import { ADMIN_GESTURE_FIELDS, toAdminGesture } from "../../helpers"

/** A second admin approves a gesture above the approval threshold; it is issued now. */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminGestureResponse>
) => {
  await approveGoodwillGestureWorkflow(req.scope).run({
    input: { id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [gesture],
  } = await query.graph({
    entity: "gesture",
    fields: ADMIN_GESTURE_FIELDS,
    filters: { id: req.params.id },
  })
  res.json({ gesture: toAdminGesture(gesture) })
}
