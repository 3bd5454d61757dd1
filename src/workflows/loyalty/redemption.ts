import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { LoyaltySettings } from "../../modules/aftersales_settings/schemas"
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

/** The money value of points in a currency whose point value is known. */
export function creditFor(points: number, pointValue: number) {
  return valueOfPoints(points, pointValue)
}
