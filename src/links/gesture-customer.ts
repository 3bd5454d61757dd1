import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import GesturesModule from "../modules/gestures"

/**
 * Read-only link from the gesture record's `customer_id` to the Customer, so `query.graph` can
 * fetch the customer along with it (no link table: the id lives on the record).
 */
export default defineLink(
  { linkable: GesturesModule.linkable.gesture, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
