import type {
  AftersalesSettings,
  LoyaltySettings,
  ReturnSettings,
} from "../settings"

export type { AftersalesSettings }

/** Who changed a settings section last, and when; null while it is at the plugin options. */
export type AdminSettingsSectionAudit = {
  /** The admin user's id (null: changed by code, such as a seed script). */
  updated_by: string | null
  updated_at: string | Date
} | null

/** `GET|POST /admin/aftersales/settings` */
export interface AdminAftersalesSettingsResponse {
  settings: AftersalesSettings
  /** Per section (`loyalty`, `gestures`, …): who changed it last and when. */
  audit: Record<keyof AftersalesSettings, AdminSettingsSectionAudit>
}

/** What a storefront may show about the programme: `GET /store/aftersales/program`. */
export interface StoreAftersalesProgram {
  loyalty: Pick<
    LoyaltySettings,
    | "enabled"
    | "earn_rates"
    | "point_values"
    | "min_redeem_points"
    | "max_redeem_share"
    | "signup_bonus"
    | "birthday_bonus"
    | "expiry_months"
    | "pending_days"
  > & { tiers: LoyaltySettings["tiers"] }
  returns: Pick<ReturnSettings, "window_days" | "window_start">
}

export interface StoreAftersalesProgramResponse {
  program: StoreAftersalesProgram
}
