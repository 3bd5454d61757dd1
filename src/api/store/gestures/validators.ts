import { z } from "@medusajs/framework/zod"
import { GESTURE_STATUSES } from "../../../types/gestures"
import { paginationParams } from "../../utils/validate-query"

export const StoreGetGesturesParams = z.strictObject({
  ...paginationParams,
  status: z.enum(GESTURE_STATUSES).optional(),
})
export type StoreGetGesturesParamsType = z.infer<typeof StoreGetGesturesParams>
