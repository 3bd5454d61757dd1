import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { pointsForAmount, pointsForValue } from "../../modules/loyalty_points/points-math"
import { EarnedLines } from "./earning"

/**
 * The order figures the settlement of its points reads (`query.graph` on `order`), named as
 * Medusa names them. A top-level total makes the Order module compute the items' totals.
 */
export const ORDER_POINTS_FIELDS = [
  "id",
  "status",
  "canceled_at",
  "currency_code",
  "customer_id",
  "items.id",
  "items.quantity",
  "items.unit_price",
  // The ordered quantity lives on the order item (detail): `items.quantity` can come back empty.
  "items.detail.quantity",
  "items.detail.return_received_quantity",
  "items.detail.written_off_quantity",
  "payment_collections.amount",
  "payment_collections.created_at",
]

/** One line of the order as it stands now. */
export type OrderPointsItem = {
  id: string
  quantity?: BigNumberInput | null
  unit_price?: BigNumberInput | null
  detail?: {
    quantity?: BigNumberInput | null
    return_received_quantity?: BigNumberInput | null
    written_off_quantity?: BigNumberInput | null
  } | null
}

/** The order as it stands now (`ORDER_POINTS_FIELDS`). */
export type OrderForPoints = {
  id: string
  status?: string | null
  canceled_at?: Date | string | null
  items?: (OrderPointsItem | null)[] | null
  payment_collections?: ({ amount?: BigNumberInput | null; created_at?: Date | string | null } | null)[] | null
}

/** The `earn` entry as the settlement reads it. */
export type EarningForPoints = {
  points: number
  amount: number | null
  rate: number | null
  multiplier: number | null
  metadata: Record<string, unknown> | null
}

const num = (v: BigNumberInput | null | undefined) => MathBN.convert(v ?? 0).toNumber()

/** Whether the order was cancelled: nothing of it is kept. */
export function isCanceled(order: OrderForPoints): boolean {
  return !!order.canceled_at || order.status === "canceled"
}

/**
 * Units of a line the customer still has and paid for: ordered (after edits) minus units
 * received back (in any number of rounds) and written off (claims, damaged returns; Medusa
 * counts a damaged return in `written_off_quantity` too).
 */
export function keptQuantity(item: OrderPointsItem): number {
  const d = item.detail ?? {}
  const ordered = num(item.quantity ?? d.quantity)
  return Math.max(0, ordered - num(d.return_received_quantity) - num(d.written_off_quantity))
}

/**
 * The eligible amount of what the customer keeps now, as earning counted it: the amount the
 * order earned on, less each placed line's share (stored on the entry) for the units no longer
 * kept, plus what the customer keeps of lines added later (exchange or claim items, order-edit
 * additions) at their unit price (what the exchange or edit charged for them). Target state, not per event: the same order state
 * gives the same amount however many events led to it.
 */
export function keptEligibleAmount(
  order: OrderForPoints,
  earnedAmount: BigNumberInput,
  lines: EarnedLines,
  base?: number | null
): BigNumberInput {
  if (isCanceled(order)) {
    return 0
  }
  const items = (order.items ?? []).filter((i): i is OrderPointsItem => !!i)
  const byId = new Map(items.map((i) => [i.id, i]))
  // With the exact amounts before the points share (entries since #13), one division at the
  // end: earned × kept base / base, so a kept amount that is a whole number stays one. Older
  // entries subtract the stored (rounded) shares.
  const exact = !!base && Object.values(lines).every((l) => l.base !== undefined)
  let gone: BigNumberInput = MathBN.convert(0)
  for (const [id, line] of Object.entries(lines)) {
    if (!line.quantity) {
      continue
    }
    const item = byId.get(id)
    const stillKept = item ? Math.min(keptQuantity(item), line.quantity) : 0
    const units = line.quantity - stillKept
    if (units > 0) {
      const amount = exact ? line.base! : line.amount
      gone = MathBN.add(gone, MathBN.div(MathBN.mult(amount, units), line.quantity))
    }
  }
  let kept: BigNumberInput = exact
    ? MathBN.div(MathBN.mult(earnedAmount, MathBN.sub(base!, gone)), base!)
    : MathBN.sub(earnedAmount, gone)
  for (const item of items) {
    if (lines[item.id]) {
      continue
    }
    // Medusa's item totals already leave out returned units; the unit price does not move.
    kept = MathBN.add(kept, MathBN.mult(item.unit_price ?? 0, keptQuantity(item)))
  }
  return MathBN.max(0, kept)
}

/**
 * What should have been taken back of an earning by now: earned − points for what is kept,
 * at the rate and multiplier stored on the entry; never below zero (points are not earned
 * afterwards: an exchange for something dearer takes nothing back and adds nothing).
 */
export function pointsToReverse(earning: EarningForPoints, order: OrderForPoints): number {
  if (isCanceled(order)) {
    return earning.points
  }
  const metadata = (earning.metadata ?? {}) as { lines?: EarnedLines; base?: number }
  const amount = earning.amount ?? 0
  const kept = keptEligibleAmount(order, amount, metadata.lines ?? {}, metadata.base)
  // Nothing changed: exactly what was earned (no rounding of a sum of shares in between).
  const keptPoints = MathBN.gte(kept, amount)
    ? earning.points
    : pointsForAmount(kept, earning.rate ?? 0, earning.multiplier ?? 1)
  return Math.min(earning.points, Math.max(0, earning.points - keptPoints))
}

/** A `redeem` entry as the settlement reads it. */
export type RedemptionForPoints = { points: number; amount: number | null }

/** The placed lines of an order: what the earning stored, else the lines as they stand. */
export function placedLines(order: OrderForPoints, earning?: EarningForPoints | null): EarnedLines {
  const stored = (earning?.metadata as { lines?: EarnedLines } | null)?.lines
  if (stored && Object.keys(stored).length) {
    return stored
  }
  const lines: EarnedLines = {}
  for (const item of order.items ?? []) {
    if (item) {
      lines[item.id] = { quantity: num(item.quantity ?? item.detail?.quantity), amount: 0 }
    }
  }
  return lines
}

/**
 * Redeemed points that should have been given back by now. Money first: the placed lines no
 * longer kept are worth their unit price (what Medusa refunds them at), and Medusa pays that
 * back in money up to what the checkout charged in money (the order's first payment
 * collection); points pay back only what money cannot, at the value the points had when
 * spent, never more than were spent. A cancelled order gives them all back. So money refunded
 * + points refunded never exceed what was paid in each, and nothing paid is lost.
 */
export function pointsToRefund(
  redemption: RedemptionForPoints,
  order: OrderForPoints,
  lines: EarnedLines
): number {
  const redeemed = Math.abs(redemption.points)
  if (isCanceled(order)) {
    return redeemed
  }
  const byId = new Map((order.items ?? []).filter((i): i is OrderPointsItem => !!i).map((i) => [i.id, i]))
  let gone: BigNumberInput = MathBN.convert(0)
  for (const [id, line] of Object.entries(lines)) {
    const item = byId.get(id)
    const stillKept = item ? Math.min(keptQuantity(item), line.quantity) : 0
    // A line an edit removed is gone from the order: its price per unit as earning stored it.
    const unitPrice = item?.unit_price ?? (line.quantity ? MathBN.div(line.base ?? 0, line.quantity) : 0)
    if (line.quantity > stillKept) {
      gone = MathBN.add(gone, MathBN.mult(unitPrice, line.quantity - stillKept))
    }
  }
  const beyondMoney = MathBN.max(0, MathBN.sub(gone, moneyCharged(order)))
  if (!redeemed || MathBN.lte(beyondMoney, 0)) {
    return 0
  }
  const pointValue = MathBN.convert(MathBN.div(redemption.amount ?? 0, redeemed)).toNumber()
  return Math.min(redeemed, pointsForValue(beyondMoney, pointValue))
}

/** What the checkout charged in money: the order's first payment collection (later ones pay exchanges or edits). */
export function moneyCharged(order: OrderForPoints): BigNumberInput {
  const collections = (order.payment_collections ?? [])
    .filter((c): c is { amount?: BigNumberInput | null; created_at?: Date | string | null } => !!c)
    .sort((a, b) => new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime())
  return collections[0]?.amount ?? 0
}
