/**
 * The gestures module's choices, shared by its model, the settings schemas, workflows, routes
 * and the admin. Plain values only: no framework or module imports.
 */

/** What a goodwill gesture gives. */
export const GESTURE_KINDS = [
  "percentage",
  "fixed",
  "free_shipping",
  "store_credit",
  "points",
] as const
export type GestureKind = (typeof GESTURE_KINDS)[number]

export const GESTURE_STATUSES = [
  "pending_approval",
  "issued",
  "redeemed",
  "cancelled",
  /** Taken back unused because the order it made up for was cancelled. */
  "revoked",
] as const
export type GestureStatus = (typeof GESTURE_STATUSES)[number]

/** What an agent may choose as the gesture of a resolution. */
export type GestureChoice =
  | "policy"
  | "none"
  | { kind: GestureKind; value: number; currency_code?: string }
