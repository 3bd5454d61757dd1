import { BigNumberInput } from "@medusajs/framework/types"
import { BigNumber, MathBN } from "@medusajs/framework/utils"

/** A tier of the programme, as configured in the `loyalty` settings. */
export type LoyaltyTier = { name: string; min_points: number; multiplier: number }

/** Whole points earned on an amount: floor(amount × rate × multiplier), never negative. */
export function pointsForAmount(
  amount: BigNumberInput,
  rate: number,
  multiplier: number
): number {
  const raw = MathBN.mult(MathBN.mult(amount, rate), multiplier)
  const floored = Math.floor(MathBN.convert(raw).toNumber() + 1e-9)
  return Math.max(0, floored)
}

/**
 * The money points are worth: points × the currency's point value. This is the only place
 * points turn into money.
 */
export function valueOfPoints(points: number, pointValue: number): BigNumber {
  return new BigNumber(MathBN.mult(points, pointValue))
}

/** How many whole points an amount of money buys (rounded down). */
export function pointsForValue(value: BigNumberInput, pointValue: number): number {
  if (pointValue <= 0) {
    return 0
  }
  return Math.max(0, Math.floor(MathBN.convert(MathBN.div(value, pointValue)).toNumber() + 1e-9))
}

/** The highest tier whose threshold the points earned in the last 12 months reach. */
export function tierFor(earned12Months: number, tiers: LoyaltyTier[]): LoyaltyTier | null {
  const sorted = [...tiers].sort((a, b) => a.min_points - b.min_points)
  let found: LoyaltyTier | null = null
  for (const tier of sorted) {
    if (earned12Months >= tier.min_points) {
      found = tier
    }
  }
  return found
}

/** The tier after the current one, to show "n points to Gold". */
export function nextTierFor(earned12Months: number, tiers: LoyaltyTier[]): LoyaltyTier | null {
  return (
    [...tiers]
      .sort((a, b) => a.min_points - b.min_points)
      .find((t) => t.min_points > earned12Months) ?? null
  )
}

/** Adds whole months to a date (end of month clamps, as a calendar does). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime())
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d
}

/** When a lot credited at `from` expires under `expiry_months` (0 = never). */
export function expiryFor(from: Date, expiryMonths: number): Date | null {
  return expiryMonths > 0 ? addMonths(from, expiryMonths) : null
}
