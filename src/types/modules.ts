/**
 * The container keys of the plugin's modules. None of them is `loyalty`: the official
 * `@medusajs/loyalty-plugin` owns that key and a store may run both.
 */
export const AftersalesModules = {
  SETTINGS: "aftersales_settings",
  LOYALTY_POINTS: "loyalty_points",
  SUPPORT: "support",
  GESTURES: "gestures",
  RETURN_RULES: "return_rules",
  DELAY_WATCH: "delay_watch",
} as const

export type AftersalesModuleName = (typeof AftersalesModules)[keyof typeof AftersalesModules]
