import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { IAftersalesSettingsModuleService, ReturnSettings } from "../../types/settings"
import { applyOverrides, resolveWindowAnchor, windowEnd } from "../../modules/return_rules/rules"
import { AftersalesModules } from "../../types/modules"

const FIELDS = [
  "id",
  "created_at",
  "items.id",
  "items.quantity",
  "items.detail.quantity",
  "items.detail.fulfilled_quantity",
  "items.detail.return_received_quantity",
  "items.detail.written_off_quantity",
  "items.product.type_id",
  "items.product.collection_id",
  "items.product.categories.id",
  "items.product.tags.id",
  "fulfillments.created_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.items.line_item_id",
]

type Num = number | string | { numeric?: number } | null | undefined

type WindowItem = {
  id: string
  quantity?: Num
  detail?: {
    quantity?: Num
    fulfilled_quantity?: Num
    return_received_quantity?: Num
    written_off_quantity?: Num
  } | null
  product?: {
    type_id?: string | null
    collection_id?: string | null
    categories?: ({ id: string } | null)[] | null
    tags?: ({ id: string } | null)[] | null
  } | null
}

type WindowFulfillment = {
  created_at?: Date | string | null
  shipped_at?: Date | string | null
  delivered_at?: Date | string | null
  canceled_at?: Date | string | null
  items?: ({ line_item_id?: string | null } | null)[] | null
}

/** An order as read for its return window. */
export type OrderForWindow = {
  id: string
  created_at: Date | string
  items?: (WindowItem | null)[] | null
  fulfillments?: (WindowFulfillment | null)[] | null
}

const num = (v: Num) => MathBN.convert((v ?? 0) as number).toNumber()

/**
 * When the order's return window closes: the latest end over the lines the customer still
 * holds (final-sale lines have none), by the returns settings (window_days, window_start and
 * the product overrides), as the return rules compute it. Null while it cannot be known: a
 * line not (fully) sent yet, or, when the window runs from delivery, a line whose delivery is
 * not recorded yet (a window counted from the fulfilment could still grow).
 */
export function orderReturnWindowEnd(order: OrderForWindow, settings: ReturnSettings): Date | null {
  const fulfillments = (order.fulfillments ?? []).filter(
    (f): f is WindowFulfillment => !!f && !f.canceled_at
  )
  let end = new Date(order.created_at)
  for (const item of order.items ?? []) {
    if (!item) {
      continue
    }
    const d = item.detail ?? {}
    const ordered = num(item.quantity ?? d.quantity)
    const held = ordered - num(d.return_received_quantity) - num(d.written_off_quantity)
    if (held <= 0) {
      continue
    }
    const product = item.product
    const verdict = applyOverrides(
      settings.overrides,
      product
        ? {
            type_id: product.type_id,
            collection_id: product.collection_id,
            category_ids: (product.categories ?? []).flatMap((c) => (c ? [c.id] : [])),
            tag_ids: (product.tags ?? []).flatMap((t) => (t ? [t.id] : [])),
          }
        : null
    )
    if (verdict.final_sale) {
      continue
    }
    const holding = fulfillments.filter((f) => (f.items ?? []).some((fi) => fi?.line_item_id === item.id))
    const deliveredAt = latest(holding.map((f) => f.delivered_at))
    const fulfilledAt = latest(holding.map((f) => f.shipped_at ?? f.created_at))
    if (settings.window_start !== "order") {
      if (num(d.fulfilled_quantity) < ordered || !fulfilledAt) {
        return null
      }
      if (settings.window_start === "delivery" && !deliveredAt) {
        return null
      }
    }
    const anchor = resolveWindowAnchor(
      settings.window_start,
      { delivered_at: deliveredAt, fulfilled_at: fulfilledAt },
      new Date(order.created_at)
    )
    const closes = windowEnd(anchor.starts_at, verdict.window_days ?? settings.window_days)
    if (closes > end) {
      end = closes
    }
  }
  return end
}

/**
 * Reads the order (and the returns settings unless given), and answers when its return window closes (null:
 * not known yet; the epoch for an order that does not exist).
 */
export async function loadOrderReturnWindowEnd(
  container: MedusaContainer,
  orderId: string,
  settings?: ReturnSettings
): Promise<Date | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = (await query.graph({ entity: "order", fields: FIELDS, filters: { id: orderId } })) as {
    data: OrderForWindow[]
  }
  if (!order) {
    // No order (any more): no window to wait for.
    return new Date(0)
  }
  const service: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
  return orderReturnWindowEnd(order, settings ?? (await service.getSettings()).returns)
}

function latest(dates: (Date | string | null | undefined)[]): Date | null {
  const times = dates.filter((d): d is Date | string => !!d).map((d) => new Date(d).getTime())
  return times.length ? new Date(Math.max(...times)) : null
}
