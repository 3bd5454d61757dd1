import { z } from "@medusajs/framework/zod"
import { GESTURE_KINDS } from "../../types/gestures"
import {
  AftersalesOptions,
  AftersalesSettings,
  AftersalesSettingsPatch,
  DelaySettings,
  EXCHANGE_BONUS_AS,
  EXCHANGE_BONUS_KINDS,
  GesturePolicy,
  GestureSettings,
  LoyaltySettings,
  RETURN_REASON_MODES,
  RETURN_WINDOW_STARTS,
  ReturnSettings,
  SETTINGS_SECTIONS,
  SupportSettings,
} from "../../types/settings"
import { TICKET_CATEGORIES, TICKET_PRIORITIES } from "../../types/support"

// The enums and types live in src/types, where every module, route and the admin can read
// them; re-exported here so the module's public entry answers what it always did.
export { GESTURE_KINDS, SETTINGS_SECTIONS, TICKET_CATEGORIES, TICKET_PRIORITIES }
export type {
  AftersalesOptions,
  AftersalesSettings,
  AftersalesSettingsPatch,
  DelaySettings,
  GesturePolicy,
  GestureSettings,
  LoyaltySettings,
  ReturnSettings,
  SettingsSection,
  SupportSettings,
} from "../../types/settings"

/**
 * The settings of every feature, in one place: plugin options give the defaults, the admin
 * settings page patches them per section, and both are validated by these schemas.
 */

const currencyCode = z
  .string()
  .regex(/^[a-z]{3}$/, "must be a lower-case ISO 4217 currency code such as \"eur\"")

/**
 * Upper bounds keep every setting a finite, safe number: a rate of 1e308 or a bonus past 2^53
 * would overflow the integers and dates computed from it. They sit far above any real store's
 * figure; a budget or threshold of 1e15 means "no limit".
 */
const MAX_AMOUNT = 1e15
const MAX_POINTS = 1e9
const MAX_HOURS = 24 * 366
const MAX_DAYS = 366

/** An amount of money per currency, in major units (e.g. `{ eur: 50 }`). */
const amountPerCurrency = z.record(currencyCode, z.number().nonnegative().max(MAX_AMOUNT))

export const LoyaltySettingsSchema = z
  .object({
    enabled: z.boolean(),
    pending_days: z.number().int().min(0).max(365),
    earn_rates: z.record(currencyCode, z.number().nonnegative().max(1e6)),
    point_values: z.record(currencyCode, z.number().positive().max(1e6)),
    max_redeem_share: z.number().min(0).max(1),
    min_redeem_points: z.number().int().min(0).max(MAX_POINTS),
    signup_bonus: z.number().int().min(0).max(MAX_POINTS),
    birthday_bonus: z.number().int().min(0).max(MAX_POINTS),
    expiry_months: z.number().int().min(0).max(120),
    expiry_reminder_days: z.number().int().min(0).max(365),
    tiers: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(100),
          min_points: z.number().int().min(0).max(MAX_POINTS),
          multiplier: z.number().positive().max(10),
        })
      )
      .refine((tiers) => new Set(tiers.map((t) => t.name)).size === tiers.length, {
        message: "tier names must be unique",
      }),
    eligible: z.strictObject({
      shipping: z.boolean(),
      tax: z.boolean(),
      paid_with_credit: z.boolean(),
    }),
  })
  .strict()

export const GesturePolicySchema = z.strictObject({
  category: z.enum(TICKET_CATEGORIES),
  kind: z.enum(GESTURE_KINDS),
  value: z.number().positive().max(MAX_AMOUNT),
  currency_code: currencyCode.optional(),
  validity_days: z.number().int().min(1).max(730),
  automatic: z.boolean(),
  max_per_customer_90d: z.number().int().min(0).max(MAX_POINTS),
  monthly_budget: amountPerCurrency,
  max_order_share: z.number().min(0).max(1),
  approval_above: amountPerCurrency,
}).superRefine((policy, ctx) => {
  // A percentage above 100 would take more than the cart; points are whole.
  if (policy.kind === "percentage" && policy.value > 100) {
    ctx.addIssue({ code: "custom", path: ["value"], message: "a percentage is at most 100" })
  }
  if (policy.kind === "points" && !Number.isInteger(policy.value)) {
    ctx.addIssue({ code: "custom", path: ["value"], message: "points are whole numbers" })
  }
})

export const GestureSettingsSchema = z
  .object({
    policies: z
      .array(GesturePolicySchema)
      .refine(
        (policies) => new Set(policies.map((p) => p.category)).size === policies.length,
        { message: "one policy per category" }
      ),
  })
  .strict()

export const SupportSettingsSchema = z
  .object({
    first_response_hours: z.record(z.enum(TICKET_PRIORITIES), z.number().positive().max(MAX_HOURS)),
    resolution_hours: z.record(z.enum(TICKET_PRIORITIES), z.number().positive().max(MAX_HOURS)),
    reopen_days: z.number().int().min(0).max(365),
  })
  .strict()

export const ReturnOverrideSchema = z
  .strictObject({
    product_type_id: z.string().optional(),
    collection_id: z.string().optional(),
    category_id: z.string().optional(),
    tag_id: z.string().optional(),
    window_days: z.number().int().min(0).max(3650).optional(),
    final_sale: z.boolean().optional(),
  })
  .refine(
    (o) =>
      [o.product_type_id, o.collection_id, o.category_id, o.tag_id].filter(Boolean).length === 1,
    { message: "an override names exactly one of product_type_id, collection_id, category_id, tag_id" }
  )
  .refine((o) => o.window_days !== undefined || o.final_sale !== undefined, {
    message: "an override sets window_days or final_sale",
  })

export const ReturnSettingsSchema = z
  .object({
    window_days: z.number().int().min(0).max(3650),
    window_start: z.enum(RETURN_WINDOW_STARTS),
    overrides: z.array(ReturnOverrideSchema),
    reasons: z.record(z.string().min(1), z.enum(RETURN_REASON_MODES)),
    exchange_bonus: z.strictObject({
      kind: z.enum(EXCHANGE_BONUS_KINDS),
      value: z.number().min(0).max(1e6),
      as: z.enum(EXCHANGE_BONUS_AS),
    }),
    keep_item_below: amountPerCurrency,
  })
  .strict()

const shippingPromise = z.strictObject({
  ship_within_hours: z.number().positive().max(MAX_HOURS),
  deliver_within_days: z.number().positive().max(MAX_DAYS),
})

export const DelaySettingsSchema = z
  .object({
    enabled: z.boolean(),
    ship_within_hours: z.number().positive().max(MAX_HOURS),
    deliver_within_days: z.number().positive().max(MAX_DAYS),
    per_shipping_option: z.record(z.string().min(1), shippingPromise),
    scan_every_minutes: z.number().int().min(1).max(1440),
    gesture_on_wait: z.boolean(),
  })
  .strict()

export const AftersalesSettingsSchema = z.strictObject({
  loyalty: LoyaltySettingsSchema,
  gestures: GestureSettingsSchema,
  support: SupportSettingsSchema,
  returns: ReturnSettingsSchema,
  delays: DelaySettingsSchema,
})

/**
 * A patch: each section is optional and, inside it, each field. A section is merged field by
 * field with what is stored; a nested object or list given in a patch replaces the old one.
 */
export const AftersalesSettingsPatchSchema = z.strictObject({
  loyalty: LoyaltySettingsSchema.partial().optional(),
  gestures: GestureSettingsSchema.partial().optional(),
  support: SupportSettingsSchema.partial().optional(),
  returns: ReturnSettingsSchema.partial().optional(),
  delays: DelaySettingsSchema.partial().optional(),
})

/** The plugin options: settings defaults plus the few things that are not settings. */
export const AftersalesOptionsSchema = AftersalesSettingsPatchSchema.extend({
  /** Shared secret of `POST /hooks/aftersales/carrier` (HMAC-SHA256 of `<t>.<raw body>`). */
  carrier_webhook_secret: z.string().min(16).optional(),
  /** Where shoppers' links in notifications point, e.g. `https://shop.example.com`. */
  storefront_url: z.string().url().optional(),
})

/**
 * The schemas and the plain types in src/types/settings.ts must describe the same values: the
 * compiler refuses a field that one has and the other lacks or types differently.
 */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Agree<T extends true> = T
/** One object type from an intersection, as zod infers an `extend`ed schema. */
type Flat<T> = { [K in keyof T]: T[K] }
export type SettingsSchemasAgree = [
  Agree<Same<z.infer<typeof LoyaltySettingsSchema>, LoyaltySettings>>,
  Agree<Same<z.infer<typeof GesturePolicySchema>, GesturePolicy>>,
  Agree<Same<z.infer<typeof GestureSettingsSchema>, GestureSettings>>,
  Agree<Same<z.infer<typeof SupportSettingsSchema>, SupportSettings>>,
  Agree<Same<z.infer<typeof ReturnSettingsSchema>, ReturnSettings>>,
  Agree<Same<z.infer<typeof DelaySettingsSchema>, DelaySettings>>,
  Agree<Same<z.infer<typeof AftersalesSettingsSchema>, AftersalesSettings>>,
  Agree<Same<z.infer<typeof AftersalesSettingsPatchSchema>, AftersalesSettingsPatch>>,
  Agree<Same<z.infer<typeof AftersalesOptionsSchema>, Flat<AftersalesOptions>>>,
]
