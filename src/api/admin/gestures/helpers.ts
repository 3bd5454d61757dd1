import { MathBN } from "@medusajs/framework/utils"
import { AdminGesture } from "../../../types/http/gestures"

/** Every field of a gesture an admin sees. */
export const ADMIN_GESTURE_FIELDS = [
  "id",
  "customer_id",
  "ticket_id",
  "resolution_id",
  "order_id",
  "kind",
  "value",
  "amount",
  "currency_code",
  "status",
  "code",
  "promotion_id",
  "expires_at",
  "requested_by",
  "approved_by",
  "approved_at",
  "issued_at",
  "redeemed_order_id",
  "redeemed_at",
  "created_at",
]

/** Money and values as plain numbers for JSON. */
export function toAdminGesture(raw: Record<string, any>): AdminGesture {
  return {
    ...raw,
    value: MathBN.convert(raw.value ?? 0).toNumber(),
    amount: MathBN.convert(raw.amount ?? 0).toNumber(),
  } as AdminGesture
}
