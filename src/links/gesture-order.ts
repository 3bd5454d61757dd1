import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import GesturesModule from "../modules/gestures"

/**
 * Read-only link from the gesture record's `order_id` to the Order, so `query.graph` can
 * fetch the order along with it (no link table: the id lives on the record).
 */
export default defineLink(
  { linkable: GesturesModule.linkable.gesture, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
