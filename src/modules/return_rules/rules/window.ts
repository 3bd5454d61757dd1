import type { ReturnSettings, RuleLine, RuleProduct, WindowStart } from "./types"

const DAY_MS = 24 * 60 * 60 * 1000

/** Where a line's window starts and from which date. */
export type WindowAnchor = { starts_from: WindowStart; starts_at: Date }

/**
 * The date a line's window counts from: delivery, else fulfilment, else the order date —
 * starting at the setting's choice, so `fulfillment` never looks at delivery and `order`
 * always uses the order date.
 */
export function resolveWindowAnchor(
  start: WindowStart,
  line: Pick<RuleLine, "delivered_at" | "fulfilled_at">,
  orderedAt: Date
): WindowAnchor {
  if (start === "delivery" && line.delivered_at) {
    return { starts_from: "delivery", starts_at: line.delivered_at }
  }
  if (start !== "order" && line.fulfilled_at) {
    return { starts_from: "fulfillment", starts_at: line.fulfilled_at }
  }
  return { starts_from: "order", starts_at: orderedAt }
}

/** The last moment of a window of `days` days opened at `startsAt`. */
export function windowEnd(startsAt: Date, days: number): Date {
  return new Date(startsAt.getTime() + days * DAY_MS)
}

/** What the overrides say about a product: final sale, and the window in days if changed. */
export type OverrideVerdict = { final_sale: boolean; window_days?: number }

/**
 * Applies the merchant's overrides to a product. Any matching override that marks final sale
 * wins (a merchant who says "never" means it); otherwise the first matching override that sets
 * a window decides, so the merchant orders the list from the most specific rule down.
 */
export function applyOverrides(
  overrides: ReturnSettings["overrides"],
  product: RuleProduct | null
): OverrideVerdict {
  if (!product) {
    return { final_sale: false }
  }
  const matching = overrides.filter(
    (o) =>
      (!!o.product_type_id && o.product_type_id === product.type_id) ||
      (!!o.collection_id && o.collection_id === product.collection_id) ||
      (!!o.category_id && product.category_ids.includes(o.category_id)) ||
      (!!o.tag_id && product.tag_ids.includes(o.tag_id))
  )
  if (matching.some((o) => o.final_sale === true)) {
    return { final_sale: true }
  }
  const withWindow = matching.find((o) => o.window_days !== undefined)
  return { final_sale: false, window_days: withWindow?.window_days }
}
