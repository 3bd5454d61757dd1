import { MedusaError } from "@medusajs/framework/utils"
import { DEFAULT_LOYALTY_EXPIRY_MONTHS } from "../../types/loyalty"
import { describeIssues } from "../../utils/describe-issues"
import {
  AftersalesOptions,
  AftersalesOptionsSchema,
  AftersalesSettings,
  AftersalesSettingsSchema,
  SETTINGS_SECTIONS,
} from "./schemas"

/** What a store gets when it sets no option: the values SPEC.md names, for TRY and EUR shops. */
export const DEFAULT_SETTINGS: AftersalesSettings = {
  loyalty: {
    enabled: true,
    pending_days: 14,
    // 1 point per euro spent; a point is worth a cent: 1% back. TRY scaled to the same value.
    earn_rates: { eur: 1, usd: 1, gbp: 1, try: 0.02 },
    point_values: { eur: 0.01, usd: 0.01, gbp: 0.01, try: 0.5 },
    max_redeem_share: 0.5,
    min_redeem_points: 100,
    signup_bonus: 100,
    birthday_bonus: 200,
    expiry_months: DEFAULT_LOYALTY_EXPIRY_MONTHS,
    expiry_reminder_days: 30,
    tiers: [
      { name: "Bronze", min_points: 0, multiplier: 1 },
      { name: "Silver", min_points: 1000, multiplier: 1.25 },
      { name: "Gold", min_points: 5000, multiplier: 1.5 },
    ],
    eligible: { shipping: false, tax: false, paid_with_credit: false },
  },
  gestures: {
    policies: [
      {
        category: "delay",
        kind: "percentage",
        value: 10,
        validity_days: 60,
        automatic: true,
        max_per_customer_90d: 2,
        monthly_budget: { eur: 500, try: 25000 },
        max_order_share: 0.2,
        approval_above: { eur: 50, try: 2500 },
      },
      {
        category: "damaged",
        kind: "fixed",
        value: 10,
        currency_code: "eur",
        validity_days: 90,
        automatic: false,
        max_per_customer_90d: 2,
        monthly_budget: { eur: 1000, try: 50000 },
        max_order_share: 0.3,
        approval_above: { eur: 50, try: 2500 },
      },
      {
        category: "wrong_item",
        kind: "percentage",
        value: 15,
        validity_days: 60,
        automatic: true,
        max_per_customer_90d: 2,
        monthly_budget: { eur: 500, try: 25000 },
        max_order_share: 0.3,
        approval_above: { eur: 50, try: 2500 },
      },
      {
        category: "missing_item",
        kind: "free_shipping",
        value: 1,
        validity_days: 60,
        automatic: true,
        max_per_customer_90d: 2,
        monthly_budget: { eur: 300, try: 15000 },
        max_order_share: 1,
        approval_above: { eur: 50, try: 2500 },
      },
      {
        category: "other",
        kind: "points",
        value: 200,
        validity_days: 365,
        automatic: false,
        max_per_customer_90d: 3,
        monthly_budget: { eur: 200, try: 10000 },
        max_order_share: 1,
        approval_above: { eur: 20, try: 1000 },
      },
    ],
  },
  support: {
    first_response_hours: { low: 48, normal: 24, high: 8, urgent: 2 },
    resolution_hours: { low: 120, normal: 72, high: 24, urgent: 8 },
    reopen_days: 14,
  },
  returns: {
    window_days: 30,
    window_start: "delivery",
    overrides: [],
    reasons: {},
    exchange_bonus: { kind: "percent", value: 5, as: "difference" },
    keep_item_below: {},
  },
  delays: {
    enabled: true,
    ship_within_hours: 48,
    deliver_within_days: 5,
    per_shipping_option: {},
    scan_every_minutes: 60,
    gesture_on_wait: true,
  },
}

/** Merges a validated patch into settings, one section at a time, field by field. */
export function mergeSettings(
  base: AftersalesSettings,
  patch: Partial<{ [K in keyof AftersalesSettings]: Partial<AftersalesSettings[K]> }>
): AftersalesSettings {
  const merged = { ...base } as Record<string, unknown>
  for (const section of SETTINGS_SECTIONS) {
    if (patch[section]) {
      merged[section] = { ...base[section], ...patch[section] }
    }
  }
  return merged as AftersalesSettings
}

/**
 * Validates the plugin options and turns them into the default settings. A wrong option
 * stops the boot with a message that names the option and what it expects.
 */
export function resolveOptions(options: unknown): {
  options: AftersalesOptions
  defaults: AftersalesSettings
} {
  const raw = stripMedusaKeys(options)
  const parsed = AftersalesOptionsSchema.safeParse(raw)
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-aftersales: invalid plugin options: ${describeIssues(parsed.error.issues)}`
    )
  }
  const defaults = mergeSettings(DEFAULT_SETTINGS, parsed.data)
  const checked = AftersalesSettingsSchema.safeParse(defaults)
  if (!checked.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-aftersales: invalid plugin options: ${describeIssues(checked.error.issues)}`
    )
  }
  return { options: parsed.data, defaults: checked.data }
}

/**
 * Medusa hands a module its options with a few keys of its own added (e.g. when the module
 * is registered by a plugin); they are not ours to validate.
 */
function stripMedusaKeys(options: unknown): Record<string, unknown> {
  if (!options || typeof options !== "object") {
    return {}
  }
  const { ...rest } = options as Record<string, unknown>
  for (const key of ["database", "definition", "moduleDeclaration", "scope", "resources"]) {
    delete rest[key]
  }
  return rest
}
