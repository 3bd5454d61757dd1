import { RETURN_WINDOW_STARTS, type SettingsSection } from "../../../../types/settings"

/**
 * The fields of the settings page, per section, in the order a merchant reads them. Scalars get
 * their own input; maps and lists (rates per currency, tiers, policies, overrides) are edited as
 * JSON and validated by the server with the same schemas as the plugin options.
 */
export type FieldSpec =
  | { key: string; type: "boolean" }
  | { key: string; type: "number"; step?: number; min?: number; max?: number }
  | { key: string; type: "select"; options: string[] }
  | { key: string; type: "json" }

export const SETTINGS_FIELDS: Record<SettingsSection, FieldSpec[]> = {
  loyalty: [
    { key: "enabled", type: "boolean" },
    { key: "pending_days", type: "number", min: 0, max: 365 },
    { key: "max_redeem_share", type: "number", step: 0.05, min: 0, max: 1 },
    { key: "min_redeem_points", type: "number", min: 0 },
    { key: "signup_bonus", type: "number", min: 0 },
    { key: "birthday_bonus", type: "number", min: 0 },
    { key: "expiry_months", type: "number", min: 0, max: 120 },
    { key: "expiry_reminder_days", type: "number", min: 0, max: 365 },
    { key: "earn_rates", type: "json" },
    { key: "point_values", type: "json" },
    { key: "tiers", type: "json" },
    { key: "eligible", type: "json" },
  ],
  gestures: [{ key: "policies", type: "json" }],
  support: [
    { key: "first_response_hours", type: "json" },
    { key: "resolution_hours", type: "json" },
    { key: "reopen_days", type: "number", min: 0, max: 365 },
  ],
  returns: [
    { key: "window_days", type: "number", min: 0, max: 3650 },
    { key: "window_start", type: "select", options: [...RETURN_WINDOW_STARTS] },
    { key: "reasons", type: "json" },
    { key: "exchange_bonus", type: "json" },
    { key: "keep_item_below", type: "json" },
    { key: "overrides", type: "json" },
  ],
  delays: [
    { key: "enabled", type: "boolean" },
    { key: "ship_within_hours", type: "number", min: 1 },
    { key: "deliver_within_days", type: "number", min: 1 },
    { key: "scan_every_minutes", type: "number", min: 1, max: 1440 },
    { key: "gesture_on_wait", type: "boolean" },
    { key: "per_shipping_option", type: "json" },
  ],
}
