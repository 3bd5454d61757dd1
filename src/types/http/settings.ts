import type {
  AftersalesSettings,
  LoyaltySettings,
  ReturnSettings,
} from "../../modules/aftersales_settings/schemas"

export type { AftersalesSettings }

/** `GET|POST /admin/aftersales/settings` */
export interface AdminAftersalesSettingsResponse {
  settings: AftersalesSettings
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
