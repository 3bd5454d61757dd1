import type { DelayContext } from "./steps/load-delay-context"
import type {
  CarrierException,
  CarrierReportIgnored,
  DelayCause,
  DelayChoice,
  DelayIncidentDTO,
  DelayStage,
} from "../../modules/delay_watch/types"

export type { CarrierException, CarrierReportIgnored, DelayCause, DelayChoice, DelayStage }

/** Input of `detectOrderDelayWorkflow`: one broken promise to act on. */
export type DetectOrderDelayInput = {
  /** The late order. */
  order_id: string
  /** Which promise broke. */
  stage: DelayStage
  /** Why: `not_shipped`, `not_delivered` or the carrier's exception. */
  cause: DelayCause
  /** The tracking number or fulfilment a carrier reported on. */
  reference?: string | null
  /**
   * When the carrier says the exception happened (stage `carrier`; now when not said). The
   * report is ignored if the watch is closed or this is before the order, before the goods'
   * last movement, or in the future beyond the tolerance.
   */
  occurred_at?: Date | string | null
}

/** What `detectOrderDelayWorkflow` did. */
export type DetectOrderDelayOutput = {
  /** Null when a carrier report was ignored. */
  incident_id: string | null
  /** False when the stage was already reported, or the report ignored: nothing was opened or sent. */
  created: boolean
  /** The proactive ticket; null for a guest order (no customer to open it for). */
  ticket_id: string | null
  /** Why a carrier report changed nothing; null otherwise. */
  ignored: CarrierReportIgnored | null
}

/** Input of `announceDelayIncidentWorkflow`: an incident recorded but not yet announced. */
export type AnnounceDelayIncidentInput = {
  /** The incident, as `listUnannouncedIncidents` answered it. */
  incident: DelayIncidentDTO
  /** The order's customer, email, language, items and cancel state, loaded for a page at once. */
  context: DelayContext
}

/** What `announceDelayIncidentWorkflow` did. */
export type AnnounceDelayIncidentOutput = {
  incident_id: string
  /** False when another run announced it first, or its order stopped being watched. */
  announced: boolean
  /** The proactive ticket; null for an order with no customer (a guest's or a deleted one's). */
  ticket_id: string | null
}

/** Input of `scanDelaysWorkflow`. */
export type ScanDelaysInput = {
  /** Rows read per query (keyset page), and incidents recorded per transaction. */
  page_size?: number
  /** Most late orders acted on in one run; the rest are found by the next run. */
  max_late?: number
}

/** What `scanDelaysWorkflow` (the recording half of the job) did. */
export type RecordLateOrdersOutput = {
  /** False when delays are switched off in the settings: nothing was read. */
  enabled: boolean
  /** Late watches read (each at most once per run). */
  scanned: number
  /** Late orders found, per stage. */
  late: number
  late_by_stage: { ship: number; deliver: number }
  /** Incidents this run recorded. */
  recorded: number
  /** Late orders whose page could not be recorded; they are found again by the next run. */
  failed: number
}

/** What one scan did: `POST /admin/aftersales/jobs/delay-scan/run` answers it. */
export type ScanDelaysOutput = RecordLateOrdersOutput & {
  /** Incidents announced by this run: its own and any an earlier run left unannounced. */
  announced: number
  /** Proactive tickets opened by this run. */
  tickets_opened: number
  /**
   * Late orders not recorded, plus incidents whose announcement failed (they stay recorded
   * and the next run announces them).
   */
  failed: number
}

/** Input of `reportCarrierExceptionWorkflow` (the body of `POST /hooks/aftersales/carrier`). */
export type ReportCarrierExceptionInput = {
  tracking_number?: string
  fulfillment_id?: string
  exception: CarrierException
  /** When the carrier says it happened (ISO 8601); the report is taken as happening now without it. */
  occurred_at?: string | null
}

/** Input of `chooseDelayOptionWorkflow`. */
export type ChooseDelayOptionInput = {
  /** The proactive delay ticket the choice answers. */
  ticket_id: string
  /** The logged-in shopper: must own the ticket. */
  customer_id: string
  choice: DelayChoice
}

/** What the shopper's choice did. */
export type ChooseDelayOptionOutput = {
  ticket_id: string
  order_id: string
  choice: DelayChoice
  /** True once the order is canceled at the shopper's request. */
  order_canceled: boolean
  /** The goodwill gesture given for waiting, if the policy gave one. */
  gesture_id: string | null
}

/** What `chooseDelayOptionWorkflow` recorded, and the gesture for waiting now due, if any. */
export type RecordedDelayChoice = ChooseDelayOptionOutput & {
  wait_gesture: { incident_id: string; ticket_id: string; order_id: string; customer_id: string } | null
}
