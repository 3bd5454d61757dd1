/**
 * The delay watch's choices, shared by its module, workflows, routes and the admin. Plain
 * values only: no framework or module imports.
 */

/** The promises a watch keeps an eye on, and the carrier's own reports. */
export const DELAY_STAGES = ["ship", "deliver", "carrier"] as const
export type DelayStage = (typeof DELAY_STAGES)[number]

/** What a carrier or tracking service may report through `POST /hooks/aftersales/carrier`. */
export const CARRIER_EXCEPTIONS = ["failed_attempt", "customs", "lost", "no_movement"] as const
export type CarrierException = (typeof CARRIER_EXCEPTIONS)[number]

/**
 * Why a carrier report changed nothing: the watch is closed (delivered or canceled); the report
 * happened before the order was placed, or before the goods' last movement (it is about an
 * older state of the parcel); or it claims to happen in the future.
 */
export const CARRIER_REPORT_IGNORED = ["watch_closed", "before_order", "before_last_movement", "in_future"] as const
export type CarrierReportIgnored = (typeof CARRIER_REPORT_IGNORED)[number]

/** A watch is open until the order is delivered or canceled. */
export const WATCH_STATUSES = ["open", "closed"] as const
export type WatchStatus = (typeof WATCH_STATUSES)[number]

/** What a shopper answers a delay: wait for the order, or cancel it. */
export const DELAY_CHOICES = ["wait", "cancel"] as const
export type DelayChoice = (typeof DELAY_CHOICES)[number]
