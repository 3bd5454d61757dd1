import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import DelayWatchModule from "../modules/delay_watch"

/**
 * An order's delivery promise and late stage, readable with the order:
 * `query.graph({ entity: "order", fields: ["delay_watch.*"] })`. Read-only: the watch keeps
 * `order_id`, so there is no link table to keep in sync.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...DelayWatchModule.linkable.delayWatch.id, primaryKey: "order_id" },
  { readOnly: true }
)
