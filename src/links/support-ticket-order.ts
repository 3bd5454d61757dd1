import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import SupportModule from "../modules/support"

/**
 * Read-only link from the supportTicket record's `order_id` to the Order, so `query.graph` can
 * fetch the order along with it (no link table: the id lives on the record).
 */
export default defineLink(
  { linkable: SupportModule.linkable.supportTicket, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
