export type Adjustments = ({ code?: string | null } | null)[] | null

/** An order or a cart as `query.graph` answers it with `*.adjustments.code` on its lines. */
export type DiscountedLines = {
  items?: ({ adjustments?: Adjustments } | null)[] | null
  shipping_methods?: ({ adjustments?: Adjustments } | null)[] | null
}

/**
 * The promotion codes an order's or cart's lines and shipping were discounted with. Core loads
 * a completing cart and a placed order with their adjustments, not their promotions: the codes
 * are on the adjustments.
 */
export function promotionCodesOf(target: DiscountedLines): string[] {
  const codes = new Set<string>()
  for (const line of [...(target.items ?? []), ...(target.shipping_methods ?? [])]) {
    for (const adjustment of line?.adjustments ?? []) {
      if (adjustment?.code) {
        codes.add(adjustment.code)
      }
    }
  }
  return [...codes]
}
