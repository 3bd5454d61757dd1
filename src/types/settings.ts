/**
 * The shape of the plugin's settings, shared by the settings module (whose zod schemas check
 * they agree with these types), the other modules, workflows, routes and the admin. Plain types
 * only: no framework or module imports. Amounts are major units, currencies lower-case ISO 4217.
 */
import type { GestureKind } from "./gestures"
import type { TicketCategory, TicketPriority } from "./support"

/** An amount of money per currency, in major units (e.g. `{ eur: 50 }`). */
export type AmountPerCurrency = Record<string, number>

/** The sections of the settings, each patched and audited on its own. */
export const SETTINGS_SECTIONS = ["loyalty", "gestures", "support", "returns", "delays"] as const
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number]

/** Where a line's return window starts from, in the order tried. */
export const RETURN_WINDOW_STARTS = ["delivery", "fulfillment", "order"] as const
/** What a return reason allows: a refund, or an exchange or credit only. */
export const RETURN_REASON_MODES = ["refund", "exchange_only"] as const
/** How the exchange bonus is computed: a percent of the returned value, or a fixed amount. */
export const EXCHANGE_BONUS_KINDS = ["percent", "fixed"] as const
/** How the exchange bonus is given. */
export const EXCHANGE_BONUS_AS = ["store_credit", "difference"] as const

export type LoyaltyTier = {
  name: string
  min_points: number
  multiplier: number
}

export type LoyaltySettings = {
  enabled: boolean
  pending_days: number
  /** Points earned per major unit spent, per currency. */
  earn_rates: Record<string, number>
  /** What a point is worth, per currency. */
  point_values: Record<string, number>
  max_redeem_share: number
  min_redeem_points: number
  signup_bonus: number
  birthday_bonus: number
  expiry_months: number
  expiry_reminder_days: number
  tiers: LoyaltyTier[]
  eligible: {
    shipping: boolean
    tax: boolean
    paid_with_credit: boolean
  }
}

/** What the store gives on a ticket of one category. */
export type GesturePolicy = {
  category: TicketCategory
  kind: GestureKind
  value: number
  currency_code?: string
  validity_days: number
  automatic: boolean
  max_per_customer_90d: number
  monthly_budget: AmountPerCurrency
  max_order_share: number
  approval_above: AmountPerCurrency
}

export type GestureSettings = {
  /** One policy per category. */
  policies: GesturePolicy[]
}

export type SupportSettings = {
  first_response_hours: Record<TicketPriority, number>
  resolution_hours: Record<TicketPriority, number>
  reopen_days: number
}

/** A return window or final sale for one product type, collection, category or tag. */
export type ReturnOverride = {
  product_type_id?: string
  collection_id?: string
  category_id?: string
  tag_id?: string
  window_days?: number
  final_sale?: boolean
}

export type ReturnSettings = {
  window_days: number
  window_start: (typeof RETURN_WINDOW_STARTS)[number]
  overrides: ReturnOverride[]
  /** Per return reason `value`: what it allows. */
  reasons: Record<string, (typeof RETURN_REASON_MODES)[number]>
  exchange_bonus: {
    kind: (typeof EXCHANGE_BONUS_KINDS)[number]
    value: number
    as: (typeof EXCHANGE_BONUS_AS)[number]
  }
  keep_item_below: AmountPerCurrency
}

/** A shipping option's own promise. */
export type ShippingPromise = {
  ship_within_hours: number
  deliver_within_days: number
}

export type DelaySettings = {
  enabled: boolean
  ship_within_hours: number
  deliver_within_days: number
  /** Per shipping option id. */
  per_shipping_option: Record<string, ShippingPromise>
  scan_every_minutes: number
  gesture_on_wait: boolean
}

export type AftersalesSettings = {
  loyalty: LoyaltySettings
  gestures: GestureSettings
  support: SupportSettings
  returns: ReturnSettings
  delays: DelaySettings
}

/**
 * A patch: each section is optional and, inside it, each field. A section is merged field by
 * field with what is stored; a nested object or list given in a patch replaces the old one.
 */
export type AftersalesSettingsPatch = {
  [K in SettingsSection]?: Partial<AftersalesSettings[K]>
}

/** The plugin options: settings defaults plus the few things that are not settings. */
export type AftersalesOptions = AftersalesSettingsPatch & {
  /** Shared secret of `POST /hooks/aftersales/carrier` (HMAC-SHA256 of `<t>.<raw body>`). */
  carrier_webhook_secret?: string
  /** Where shoppers' links in notifications point, e.g. `https://shop.example.com`. */
  storefront_url?: string
}

/** The merchant's changes as stored, per section: the snapshot a compensation restores. */
export type StoredSettingsPatch = Partial<Record<SettingsSection, Record<string, unknown>>>

/** Who changed a section last and when; null for a section still at the plugin options. */
export type SettingsSectionAudit = { updated_by: string | null; updated_at: Date } | null

/** Per section, who changed it last and when. */
export type SettingsAudit = Record<SettingsSection, SettingsSectionAudit>

/**
 * What the settings module (`AftersalesModules.SETTINGS`) answers the workflows, jobs and routes
 * that resolve it by its key.
 */
export interface IAftersalesSettingsModuleService {
  /** The plugin options that are not settings (webhook secret, storefront URL). */
  getOptions(): Promise<AftersalesOptions>
  /** The settings in force: the plugin options' defaults with the merchant's changes on top. */
  getSettings(): Promise<AftersalesSettings>
  /** What the merchant changed, per section: the snapshot a compensation restores. */
  getStoredPatch(): Promise<StoredSettingsPatch>
  /** Per section: the admin user who changed it last and when (null: never changed). */
  getAudit(): Promise<SettingsAudit>
  /**
   * Validates a partial patch, merges it per section over what is stored and saves it,
   * recording `updatedBy`. Answers the settings now in force.
   */
  updateSettings(patch: unknown, updatedBy?: string | null): Promise<AftersalesSettings>
  /** Puts back exactly the stored sections of a snapshot, with who had changed each. */
  restoreStoredPatch(snapshot: StoredSettingsPatch, audit?: SettingsAudit): Promise<void>
}
