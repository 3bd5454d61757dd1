import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AftersalesSettings } from "../../types/settings"
import { EARNING_FIELDS, OrderForEarning } from "../loyalty/earning"
import { aftersalesSettings } from "../loyalty/utils"
import { Adjustments, DiscountedLines } from "./promotion-codes"

/**
 * Every order field the plugin reads when an order is placed: earning (totals, and whether the
 * customer is registered: guests earn nothing), the delivery promise (shipping option),
 * goodwill coupons (promotion codes on the adjustments). One read serves all three: each
 * extra read of the order costs the worker (in one process, the store itself) CPU that the
 * next shoppers' checkouts compete for.
 */
export const PLACED_ORDER_FIELDS = [
  "id",
  "display_id",
  "customer_id",
  "customer.has_account",
  "currency_code",
  "created_at",
  ...EARNING_FIELDS,
  "items.adjustments.code",
  "shipping_methods.shipping_option_id",
  "shipping_methods.adjustments.code",
]

/** A placed order with `PLACED_ORDER_FIELDS` (its items also carry `adjustments.code`). */
export type PlacedOrder = OrderForEarning &
  Pick<DiscountedLines, "items"> & {
    id: string
    display_id?: number | null
    customer_id?: string | null
    /** The order's customer; `has_account` false for a guest checkout. */
    customer?: { has_account?: boolean | null } | null
    created_at: Date | string
    shipping_methods?: ({ shipping_option_id?: string | null; adjustments?: Adjustments } | null)[] | null
  }

/** The order with the fields above, or null when there is no such order. */
export async function loadPlacedOrder(
  container: MedusaContainer,
  orderId: string
): Promise<PlacedOrder | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: PLACED_ORDER_FIELDS, filters: { id: orderId } })
  return (order as unknown as PlacedOrder) ?? null
}

/**
 * What the `order.placed` workflows take: the order's id, and the order and the settings in
 * force when the caller already read them (the subscriber reads each once for all of them).
 */
export type PlacedOrderInput = { order_id: string; order?: PlacedOrder; settings?: AftersalesSettings }

/** The input's order, read only when the caller did not pass it. */
export async function placedOrderOf(
  container: MedusaContainer,
  input: PlacedOrderInput
): Promise<PlacedOrder | null> {
  return input.order ?? (await loadPlacedOrder(container, input.order_id))
}

/** The input's settings, read only when the caller did not pass them. */
export async function placedOrderSettings(
  container: MedusaContainer,
  input: PlacedOrderInput
): Promise<AftersalesSettings> {
  return input.settings ?? (await aftersalesSettings(container))
}
