import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import LoyaltyPointsModule from "../modules/loyalty_points"

/**
 * A points account belongs to one customer. Read-only: the account keeps `customer_id`, so
 * `query.graph` can follow `loyalty_account.customer` without a link table to keep in sync.
 */
export default defineLink(
  { linkable: LoyaltyPointsModule.linkable.loyaltyAccount, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
