import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { LoyaltySettings } from "../../types/settings"
import { pointsForAmount, tierFor } from "../../modules/loyalty_points/points-math"

/**
 * The totals earning reads, named the same on an order and on a cart (`query.graph`): the
 * placed order earns on them, and a cart's preview shows what its order will earn.
 */
export const EARNING_FIELDS = [
  "items.id",
  "items.quantity",
  "items.subtotal",
  "items.total",
  "items.discount_subtotal",
  "shipping_subtotal",
  "shipping_total",
  "shipping_discount_total",
  "credit_line_total",
]

/** An order (or a cart about to become one) with `currency_code` and `EARNING_FIELDS`. */
export type OrderForEarning = {
  id: string
  currency_code: string
  items?: ({
    id: string
    quantity: BigNumberInput
    subtotal?: BigNumberInput | null
    total?: BigNumberInput | null
    discount_subtotal?: BigNumberInput | null
  } | null)[] | null
  shipping_subtotal?: BigNumberInput | null
  shipping_total?: BigNumberInput | null
  shipping_discount_total?: BigNumberInput | null
  credit_line_total?: BigNumberInput | null
}

/** What an order earns, with the figures it was computed from (stored on the entry). */
export type OrderEarning = {
  points: number
  amount: number
  rate: number
  multiplier: number
  tier: string | null
  /** The eligible amount before what was paid with points or credit (lines and shipping). */
  base: number
  lines: EarnedLines
}

/**
 * points = floor(eligible × rate × multiplier). The eligible amount is the items after
 * discounts, without tax and shipping unless the settings include them, minus what was paid
 * with points or credit (unless included). The credit is spread over lines and shipping in
 * proportion, so a returned line later takes back exactly its own share.
 */
export function computeOrderEarning(
  order: OrderForEarning,
  settings: LoyaltySettings,
  earned12Months: number
): OrderEarning {
  const rate = settings.earn_rates[order.currency_code.toLowerCase()] ?? 0
  const tier = tierFor(earned12Months, settings.tiers)
  const multiplier = tier?.multiplier ?? 1
  const { eligible } = settings

  const lineAmounts = (order.items ?? []).filter(Boolean).map((item) => ({
    id: item!.id,
    quantity: MathBN.convert(item!.quantity).toNumber(),
    amount: eligible.tax
      ? MathBN.convert(item!.total ?? 0)
      : MathBN.sub(item!.subtotal ?? 0, item!.discount_subtotal ?? 0),
  }))
  const shipping = !eligible.shipping
    ? MathBN.convert(0)
    : eligible.tax
      ? MathBN.convert(order.shipping_total ?? 0)
      : MathBN.sub(order.shipping_subtotal ?? 0, order.shipping_discount_total ?? 0)
  const base = MathBN.add(shipping, ...lineAmounts.map((l) => l.amount))
  const credit = eligible.paid_with_credit ? 0 : order.credit_line_total ?? 0
  const net = MathBN.max(0, MathBN.sub(base, credit))
  const share = MathBN.gt(base, 0) ? MathBN.div(net, base) : MathBN.convert(0)

  const lines: OrderEarning["lines"] = {}
  for (const line of lineAmounts) {
    lines[line.id] = {
      quantity: line.quantity,
      amount: MathBN.convert(MathBN.mult(line.amount, share)).decimalPlaces(6).toNumber(),
      base: MathBN.convert(line.amount).toNumber(),
    }
  }
  return {
    points: pointsForAmount(net, rate, multiplier),
    amount: MathBN.convert(net).toNumber(),
    rate,
    multiplier,
    tier: tier?.name ?? null,
    base: MathBN.convert(base).toNumber(),
    lines,
  }
}

/**
 * A line's eligible amount as an order earned on it (`amount`: after its share of what was paid
 * with points or credit, rounded; `base`: before it, exact), with its quantity.
 */
export type EarnedLines = Record<string, { quantity: number; amount: number; base?: number }>
