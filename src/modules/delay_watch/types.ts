import type { CarrierException, CarrierReportIgnored, DelayChoice, DelayStage, WatchStatus } from "../../types/delays"

// The choices routes and the admin read too live in src/types; re-exported for this module's code.
export {
  CARRIER_EXCEPTIONS,
  CARRIER_REPORT_IGNORED,
  DELAY_CHOICES,
  DELAY_STAGES,
  WATCH_STATUSES,
} from "../../types/delays"
export type { CarrierException, CarrierReportIgnored, DelayChoice, DelayStage, WatchStatus }

/** The stages the scan finds by itself: a due date passed with no movement. */
export const SCANNED_STAGES = ["ship", "deliver"] as const
export type ScannedStage = (typeof SCANNED_STAGES)[number]

/**
 * How far, in seconds, a carrier report's signed time and its `occurred_at` may be from now
 * (past or future): clocks drift and requests queue, but a captured body must not replay.
 */
export const CARRIER_REPORT_TOLERANCE_SECONDS = 5 * 60

/** Why a promise broke: the scan's causes and the carrier's exceptions. */
export type DelayCause = "not_shipped" | "not_delivered" | CarrierException

/** A watch as the service answers it. */
export type DelayWatchDTO = {
  id: string
  order_id: string
  customer_id: string | null
  shipping_option_id: string | null
  status: WatchStatus
  placed_at: Date
  ship_by: Date
  deliver_by: Date
  fulfilled_at: Date | null
  shipped_at: Date | null
  delivered_at: Date | null
  closed_at: Date | null
  ship_late_at: Date | null
  deliver_late_at: Date | null
  carrier_exception_at: Date | null
  late_stage: DelayStage | null
  /** Rewritten by every movement event the watch handles. */
  updated_at: Date
}

/** A broken promise, one per watch and stage. */
export type DelayIncidentDTO = {
  id: string
  watch_id: string
  order_id: string
  stage: DelayStage
  cause: DelayCause
  /** The carrier's reference of a report (not among the fields a scan page answers). */
  reference?: string | null
  detected_at: Date
  new_estimate: Date
  ticket_id: string | null
  choice: DelayChoice | null
  chosen_at: Date | null
  gesture_id: string | null
  /** When the customer was told; null while recorded but not yet announced. */
  announced_at: Date | null
}

/** One row of a scan page: a watch whose promise of `stage` is due and unmet. */
export type LateWatch = {
  id: string
  order_id: string
  customer_id: string | null
  due: Date
}

/** The keyset position after the last row of a page. */
export type ScanCursor = { due: Date; id: string }

/** Input of `DelayWatchService.startWatch`. */
export type StartWatchInput = {
  order_id: string
  customer_id?: string | null
  shipping_option_id?: string | null
  placed_at: Date
  ship_by: Date
  deliver_by: Date
}

/** Input of `DelayWatchService.recordIncident`. */
export type RecordIncidentInput = {
  order_id: string
  stage: DelayStage
  cause: DelayCause
  new_estimate: Date
  /** The carrier's tracking number or fulfilment the report was about. */
  reference?: string | null
  detected_at?: Date
}

/** Input of `DelayWatchService.recordCarrierIncident`: a carrier's exception, checked when recorded. */
export type RecordCarrierIncidentInput = Omit<RecordIncidentInput, "stage" | "detected_at"> & {
  /** When the carrier says the exception happened (the time it was received when it did not say). */
  occurred_at: Date
  /** The time of the check; `occurred_at` may be at most the tolerance after it. */
  now: Date
}

/** What `DelayWatchService.recordCarrierIncident` did. */
export type RecordCarrierIncidentResult =
  | { incident: DelayIncidentDTO; created: boolean; ignored: null }
  | { incident: null; created: false; ignored: CarrierReportIgnored }

/** An incident written by `DelayWatchService.recordLateIncidents`. */
export type RecordedLateIncident = {
  incident: DelayIncidentDTO
  /** The order had shipped: a cancel can no longer be offered. */
  shipped: boolean
  /** The watch as it was before, for `revertIncident`. */
  previous: { late_stage: DelayStage | null; deliver_by: Date }
}

/** A movement of an order's goods; each time is kept once (the first one reported). */
export type WatchMovement = "fulfilled" | "shipped" | "delivered"

/**
 * How far an order's goods have got, from its items (shipped and delivered quantities against
 * each item's quantity, items added by an edit included): the time every item was fulfilled,
 * shipped, delivered, or null while one is not.
 */
export type WatchProgress = {
  fulfilled_at: Date | null
  shipped_at: Date | null
  delivered_at: Date | null
}
