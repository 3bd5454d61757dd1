import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { DelayStage } from "../../modules/delay_watch/types"

/** An order item as read with `items.detail.*_quantity` (core's order item detail). */
export type ItemProgressRow = {
  id: string
  title?: string | null
  subtitle?: string | null
  quantity?: BigNumberInput | null
  /** False for an item that never ships (e.g. a digital good): fulfilled counts as shipped and delivered. */
  requires_shipping?: boolean | null
  detail?: {
    /** The item's quantity now (an edit may have changed it); `quantity` is read when absent. */
    quantity?: BigNumberInput | null
    fulfilled_quantity?: BigNumberInput | null
    shipped_quantity?: BigNumberInput | null
    delivered_quantity?: BigNumberInput | null
  } | null
}

/** An item a delay is about, and how many of it are still to come. */
export type LateItem = { id: string; title: string; subtitle: string | null; quantity: number }

type Counted = "fulfilled_quantity" | "shipped_quantity" | "delivered_quantity"

/**
 * How many of the item are not yet counted in `column`. An item that does not ship counts as
 * shipped and delivered once fulfilled (Medusa also marks items an order edit adds this way,
 * so they are still watched until fulfilled).
 */
function remaining(item: ItemProgressRow, column: Counted) {
  const counted = item.requires_shipping === false ? "fulfilled_quantity" : column
  return MathBN.sub(item.detail?.quantity ?? item.quantity ?? 0, item.detail?.[counted] ?? 0)
}

const complete = (items: ItemProgressRow[], column: Counted) => items.every((i) => MathBN.lte(remaining(i, column), 0))

/**
 * Whether every item of an order, at its current quantity (an edit's added items included),
 * was fulfilled, shipped, delivered.
 */
export function progressOf(items: ItemProgressRow[]): { fulfilled: boolean; shipped: boolean; delivered: boolean } {
  return {
    fulfilled: complete(items, "fulfilled_quantity"),
    shipped: complete(items, "shipped_quantity"),
    delivered: complete(items, "delivered_quantity"),
  }
}

/**
 * What a delay of `stage` is about: the items not shipped yet (ship stage) or not delivered
 * yet (delivery and carrier stages), with the quantity still to come.
 */
export function lateItemsOf(items: ItemProgressRow[], stage: DelayStage): LateItem[] {
  const column: Counted = stage === "ship" ? "shipped_quantity" : "delivered_quantity"
  return items
    .map((i) => ({ item: i, left: remaining(i, column) }))
    .filter(({ left }) => MathBN.gt(left, 0))
    .map(({ item, left }) => ({
      id: item.id,
      title: item.title ?? "",
      subtitle: item.subtitle ?? null,
      quantity: MathBN.convert(left).toNumber(),
    }))
}
