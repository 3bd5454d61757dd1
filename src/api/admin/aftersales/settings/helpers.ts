import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { GesturePolicy } from "../../../../types/settings"
import { storeCurrencies } from "../../../../utils/store-currencies"

/** Every currency a gesture policy names: what it issues in, its budgets and thresholds. */
function currenciesOf(policy: GesturePolicy) {
  return [
    ...(policy.currency_code ? [policy.currency_code] : []),
    ...Object.keys(policy.monthly_budget),
    ...Object.keys(policy.approval_above),
  ]
}

/**
 * Refuses gesture policies that bring in a currency the store does not sell in (its supported
 * currencies and its regions'): a gesture in it could never be spent, a budget in it never
 * applies. Currencies the stored policies already name are let through, so a store whose
 * defaults budget a currency it does not sell can still save its policies.
 */
export async function assertGestureCurrenciesSold(
  scope: MedusaContainer,
  policies: GesturePolicy[] | undefined,
  current: GesturePolicy[]
) {
  if (!policies) {
    return
  }
  const known = new Set(current.flatMap(currenciesOf))
  const sold = await storeCurrencies(scope)
  policies.forEach((policy, i) => {
    const unsold = [...new Set(currenciesOf(policy))].filter((c) => !sold.has(c) && !known.has(c))
    if (unsold.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `gestures.policies.${i} (${policy.category}): the store does not sell in ${unsold.join(", ")}; use one of ${[...sold].sort().join(", ")}`
      )
    }
  })
}
