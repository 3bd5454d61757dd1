import type {
  CarrierException,
  CarrierReportIgnored,
  DelayChoice,
  DelayStage,
} from "../delays"

/** `POST /store/support-tickets/:id/delay-choice` body. */
export interface StoreDelayChoiceRequest {
  choice: DelayChoice
}

/** What the shopper's choice did. */
export interface StoreDelayChoice {
  ticket_id: string
  order_id: string
  choice: DelayChoice
  /** True once the order is canceled (its payment voided or refunded by Medusa). */
  order_canceled: boolean
  /** The goodwill gesture given for waiting, if any (see `GET /store/gestures`). */
  gesture_id: string | null
}

/** `POST /store/support-tickets/:id/delay-choice` response. */
export interface StoreDelayChoiceResponse {
  delay_choice: StoreDelayChoice
}

/** `POST /hooks/aftersales/carrier` body: one exception for a tracking number or fulfilment. */
export interface CarrierWebhookRequest {
  tracking_number?: string
  fulfillment_id?: string
  exception: CarrierException
  /** The carrier's own id of the report, echoed back. */
  event_id?: string
  /** The carrier's free text; not shown to shoppers. */
  message?: string
  /** When it happened (ISO 8601 with offset); the report is taken as happening now without it. */
  occurred_at?: string
}

/** `POST /hooks/aftersales/carrier` response. */
export interface CarrierWebhookResponse {
  received: true
  order_id: string
  /** Null when the report was ignored. */
  incident_id: string | null
  /** False for a replay (or a second exception of the same order), or an ignored report: nothing new was opened. */
  created: boolean
  ticket_id: string | null
  /**
   * Why the report changed nothing: `watch_closed` (delivered or canceled), `before_order`,
   * `before_last_movement`, `in_future`; null when it was recorded (or a replay).
   */
  ignored: CarrierReportIgnored | null
}

/** An order's delay state, as the order widget and overview show it. */
export interface AdminOrderDelayState {
  status: "open" | "closed"
  ship_by: string
  deliver_by: string
  shipped_at: string | null
  delivered_at: string | null
  late_stage: DelayStage | null
}
