/**
 * The plugin's RBAC permissions (Medusa's `rbac` feature): one `resource:operation` pair per
 * thing a role may be allowed to do. Reading, changing, approving and running jobs are
 * separate, so a support agent's role can work tickets without moving budgets or points.
 * `src/policies/aftersales.ts` registers them; each admin route's `middlewares.ts` declares
 * the ones it needs.
 */
export const AftersalesPermissions = {
  READ_SETTINGS: { resource: "aftersales_settings", operation: "read" },
  UPDATE_SETTINGS: { resource: "aftersales_settings", operation: "update" },
  READ_OVERVIEW: { resource: "aftersales_overview", operation: "read" },
  RUN_JOBS: { resource: "aftersales_job", operation: "run" },
  READ_LOYALTY_POINTS: { resource: "loyalty_points", operation: "read" },
  ADJUST_LOYALTY_POINTS: { resource: "loyalty_points", operation: "adjust" },
  READ_GESTURES: { resource: "gesture", operation: "read" },
  APPROVE_GESTURES: { resource: "gesture", operation: "approve" },
  READ_SUPPORT_TICKETS: { resource: "support_ticket", operation: "read" },
  CREATE_SUPPORT_TICKETS: { resource: "support_ticket", operation: "create" },
  UPDATE_SUPPORT_TICKETS: { resource: "support_ticket", operation: "update" },
  RESOLVE_SUPPORT_TICKETS: { resource: "support_ticket", operation: "resolve" },
  EXPORT_CUSTOMER_DATA: { resource: "aftersales_customer_data", operation: "export" },
  ERASE_CUSTOMER_DATA: { resource: "aftersales_customer_data", operation: "erase" },
} as const

export type AftersalesPermissionName = keyof typeof AftersalesPermissions

/** What each permission allows, as the admin's role editor shows it. */
export const AFTERSALES_PERMISSION_DESCRIPTIONS: Record<AftersalesPermissionName, string> = {
  READ_SETTINGS: "Read the aftersales settings",
  UPDATE_SETTINGS: "Change the aftersales settings (budgets, thresholds, point values)",
  READ_OVERVIEW: "Read the aftersales overview figures",
  RUN_JOBS: "Run an aftersales job now",
  READ_LOYALTY_POINTS: "Read a customer's loyalty account and ledger",
  ADJUST_LOYALTY_POINTS: "Add or remove a customer's loyalty points",
  READ_GESTURES: "Read goodwill gestures",
  APPROVE_GESTURES: "Approve a goodwill gesture above the approval threshold",
  READ_SUPPORT_TICKETS: "Read support tickets",
  CREATE_SUPPORT_TICKETS: "Open a support ticket",
  UPDATE_SUPPORT_TICKETS: "Update a support ticket and reply to it",
  RESOLVE_SUPPORT_TICKETS: "Resolve a support ticket, with a gesture within the policy",
  EXPORT_CUSTOMER_DATA: "Download one customer's after-sales data (privacy request)",
  ERASE_CUSTOMER_DATA: "Erase one customer's after-sales personal data (privacy request)",
}
