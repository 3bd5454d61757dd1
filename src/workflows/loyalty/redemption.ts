import { BigNumberInput } from "@medusajs/framework/types"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { LoyaltySettings } from "../../types/settings"
import { pointsForValue, valueOfPoints } from "../../modules/loyalty_points/points-math"
import { LOYALTY_CREDIT_LINE_REFERENCE } from "./utils"

/** A cart credit line as `query.graph` answers it. */
export type CartCreditLine = {
  id: string
  amount: BigNumberInput
  reference?: string | null
  reference_id?: string | null
  metadata?: Record<string, unknown> | null
}

/** The credit lines that carry redeemed points. */
export function loyaltyCreditLines(creditLines?: (CartCreditLine | null)[] | null): CartCreditLine[] {
  return (creditLines ?? []).filter(
    (l): l is CartCreditLine => !!l && l.reference === LOYALTY_CREDIT_LINE_REFERENCE
  )
}

/** Points and money the cart's loyalty credit lines carry. */
export function appliedPoints(lines: CartCreditLine[]) {
  return {
    points: lines.reduce((sum, l) => sum + Number(l.metadata?.points ?? 0), 0),
    amount: MathBN.convert(MathBN.add(0, ...lines.map((l) => l.amount))),
  }
}

/** What a shopper may redeem on a cart now. */
export type RedemptionLimits = {
  /** Money per point in the cart's currency; null when the currency has none (no redemption). */
  point_value: number | null
  min_points: number
  /** min(balance, whole points worth `max_redeem_share` of the cart before points). */
  max_points: number
  /** The cart total before any points are applied. */
  total_before_points: number
}

/** The limits of SPEC §1 for a cart whose total (after all credit lines) is `cartTotal`. */
export function redemptionLimits(input: {
  cartTotal: BigNumberInput
  currencyCode: string
  balance: number
  applied: CartCreditLine[]
  settings: LoyaltySettings
}): RedemptionLimits {
  const pointValue = input.settings.point_values[input.currencyCode.toLowerCase()] ?? null
  const before = MathBN.add(input.cartTotal, appliedPoints(input.applied).amount)
  const byShare = pointValue
    ? pointsForValue(MathBN.mult(before, input.settings.max_redeem_share), pointValue)
    : 0
  return {
    point_value: pointValue,
    min_points: input.settings.min_redeem_points,
    max_points: Math.max(0, Math.min(input.balance, byShare)),
    total_before_points: MathBN.convert(before).toNumber(),
  }
}

/** The cart a points credit is re-valued against (as `query.graph` answers it). */
export type CartForCredit = {
  id: string
  customer_id?: string | null
  currency_code: string
  /** The total after every credit line, points included. */
  total: BigNumberInput
  items?: ({ id: string } | null)[] | null
  credit_lines?: (CartCreditLine | null)[] | null
}

/**
 * What a cart's points credit must be now (SPEC §10): the applied points at today's point value
 * of the cart's current currency, clamped to `max_redeem_share` of the total before points
 * (fewer whole points, never more than applied). Null when the cart may carry none: no items,
 * no point value for its currency, another customer's points, or fewer than the minimum left.
 */
export function revaluedCredit(
  cart: CartForCredit,
  settings: LoyaltySettings
): { points: number; amount: BigNumber } | null {
  const lines = loyaltyCreditLines(cart.credit_lines)
  const { points } = appliedPoints(lines)
  const items = (cart.items ?? []).filter(Boolean)
  if (!lines.length || !items.length || !cart.customer_id) {
    return null
  }
  if (lines.some((l) => l.reference_id !== cart.customer_id)) {
    return null
  }
  const limits = redemptionLimits({
    cartTotal: cart.total,
    currencyCode: cart.currency_code,
    balance: Number.MAX_SAFE_INTEGER,
    applied: lines,
    settings,
  })
  if (!limits.point_value) {
    return null
  }
  const kept = Math.min(points, limits.max_points)
  if (kept <= 0 || kept < limits.min_points) {
    return null
  }
  return { points: kept, amount: valueOfPoints(kept, limits.point_value) }
}

/** Whether the cart's loyalty credit lines already carry exactly `target`. */
export function creditMatches(
  lines: CartCreditLine[],
  target: { points: number; amount: BigNumberInput } | null
): boolean {
  if (!target) {
    return lines.length === 0
  }
  const applied = appliedPoints(lines)
  return (
    lines.length === 1 &&
    applied.points === target.points &&
    Number.isInteger(Number(lines[0].metadata?.points)) &&
    MathBN.eq(applied.amount, target.amount)
  )
}
