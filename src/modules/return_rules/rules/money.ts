import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { ExchangeBonus, ReturnSettings } from "./types"

/** Money in the answers: major units rounded to cents, as a plain number for JSON. */
export function toAmount(value: BigNumberInput): number {
  return MathBN.convert(value, 2).toNumber()
}

/**
 * The exchange bonus for returned goods worth `returnedValue`: a percent of that value, or a
 * fixed amount in the order's currency. Store credit falls back to a lower exchange
 * difference when the loyalty plugin that issues credit is not installed.
 */
export function computeExchangeBonus(
  bonus: ReturnSettings["exchange_bonus"],
  returnedValue: BigNumberInput,
  storeCreditAvailable: boolean
): ExchangeBonus {
  const raw =
    bonus.kind === "percent"
      ? MathBN.div(MathBN.mult(returnedValue, bonus.value), 100)
      : MathBN.convert(bonus.value)
  const fallback = bonus.as === "store_credit" && !storeCreditAvailable
  return {
    kind: bonus.kind,
    value: bonus.value,
    configured_as: bonus.as,
    as: fallback ? "difference" : bonus.as,
    amount: toAmount(floorCents(raw)),
    ...(fallback
      ? {
          note: "Store credit needs @medusajs/loyalty-plugin, which this store does not run: the bonus is taken off the exchange difference instead.",
        }
      : {}),
  }
}

/** Whether goods worth `value` are cheap enough to keep (no threshold for the currency: no). */
export function isBelowKeepThreshold(
  keepBelow: ReturnSettings["keep_item_below"],
  currencyCode: string,
  value: BigNumberInput
): boolean {
  const threshold = keepBelow[currencyCode.toLowerCase()]
  return threshold !== undefined && MathBN.lt(value, threshold)
}

/**
 * The value the keep-the-item threshold (`returns.keep_item_below[currency]`) is compared with:
 * for each line of the request, its unit price × (the units of that line already returned or
 * asked back — `returned_quantity`: earlier return requests, exchanges and core returns, kept or
 * sent back — plus the units asked for now), summed over the request's lines. The goods are kept
 * only when this is strictly below the threshold. Counting a line's whole returned quantity,
 * not one request's, means splitting a return into single units keeps no more than asking
 * for them at once.
 */
export function keepItemValue(
  lines: { unit_price: BigNumberInput; returned_quantity: number; quantity: number }[]
) {
  return lines.reduce(
    (sum, l) => MathBN.add(sum, MathBN.mult(l.unit_price, MathBN.add(l.returned_quantity, l.quantity))),
    MathBN.convert(0)
  )
}

/** A new exchange line before the bonus: the variant's price in the order's currency. */
export type PricedLine = { variant_id: string; quantity: number; unit_price: BigNumberInput }

/**
 * Takes `bonus` off the new lines' prices, line by line, never below zero. Whole cents per
 * unit only, so the exchange's totals stay exact; answers the lines and the amount applied.
 */
export function discountLines(
  lines: PricedLine[],
  bonus: BigNumberInput
): { lines: (PricedLine & { discounted: boolean })[]; applied: number } {
  let remaining = MathBN.convert(bonus)
  let applied = MathBN.convert(0)
  const out = lines.map((line) => {
    const lineTotal = MathBN.mult(line.unit_price, line.quantity)
    const take = MathBN.min(remaining, lineTotal)
    const perUnit = floorCents(MathBN.div(take, line.quantity))
    if (MathBN.lte(perUnit, 0)) {
      return { ...line, discounted: false }
    }
    const used = MathBN.mult(perUnit, line.quantity)
    remaining = MathBN.sub(remaining, used)
    applied = MathBN.add(applied, used)
    return { ...line, unit_price: toAmount(MathBN.sub(line.unit_price, perUnit)), discounted: true }
  })
  return { lines: out, applied: toAmount(applied) }
}

function floorCents(value: BigNumberInput) {
  // Rounding down: a bonus never gives away more than configured.
  return MathBN.convert(value).decimalPlaces(2, 1)
}
