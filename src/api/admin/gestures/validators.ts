import { z } from "@medusajs/framework/zod"
import { GESTURE_KINDS, GESTURE_STATUSES } from "../../../types/gestures"
import { paginationParams } from "../../utils/validate-query"

const id = z.string().min(1).max(100)

export const AdminGetGesturesParams = z.strictObject({
  ...paginationParams,
  status: z.enum(GESTURE_STATUSES).optional(),
  kind: z.enum(GESTURE_KINDS).optional(),
  customer_id: id.optional(),
  order_id: id.optional(),
  ticket_id: id.optional(),
})
export type AdminGetGesturesParamsType = z.infer<typeof AdminGetGesturesParams>

export const AdminApproveGesture = z.strictObject({})
export type AdminApproveGestureType = z.infer<typeof AdminApproveGesture>
