import type { GestureKind } from "../../types/gestures"
import { formatMoney } from "./format"

/**
 * What a gesture gives, as a merchant reads it: "15%", "€10.00", "Free shipping", "200 points".
 * `points` and `freeShipping` are the translated words, passed in so this stays a plain function.
 */
export function describeGestureValue(
  gesture: { kind: GestureKind; value: number; currency_code?: string | null },
  words: { points: (count: number) => string; freeShipping: string },
  locale?: string
): string {
  switch (gesture.kind) {
    case "percentage":
      return `${gesture.value}%`
    case "fixed":
    case "store_credit":
      return gesture.currency_code
        ? formatMoney(gesture.value, gesture.currency_code, locale)
        : String(gesture.value)
    case "free_shipping":
      return words.freeShipping
    case "points":
      return words.points(gesture.value)
  }
}
