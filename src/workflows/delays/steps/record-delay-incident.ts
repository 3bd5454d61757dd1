import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { estimateNewDelivery } from "../../../modules/delay_watch/promise"
import DelayWatchService from "../../../modules/delay_watch/service"
import { CarrierReportIgnored, DelayIncidentDTO, DelayStage } from "../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../types/modules"
import { DetectOrderDelayInput } from "../types"

export const recordDelayIncidentStepId = "record-delay-incident"

/** The broken promise to record. */
export type RecordDelayIncidentStepInput = DetectOrderDelayInput

/** The incident, whether this run recorded it, and the watch it belongs to. */
export type RecordedDelayIncident = {
  incident: DelayIncidentDTO
  created: boolean
  watch_id: string
  /** The order has shipped: a cancel can no longer be offered. */
  shipped: boolean
  ignored?: null
}

/** A carrier report that recorded nothing (see `screenCarrierReport`), and why. */
export type IgnoredCarrierReport = {
  incident: null
  created: false
  watch_id: null
  shipped: boolean
  ignored: CarrierReportIgnored
}

/** What recording a broken promise did: an incident, or a carrier report ignored. */
export type RecordDelayIncidentStepOutput = RecordedDelayIncident | IgnoredCarrierReport

/** What undoing a recorded incident needs: the incident, and the watch's mark before it. */
export type RevertDelayIncidentInput = {
  incident_id: string
  late_stage: DelayStage | null
  deliver_by: Date
} | null

/**
 * Compensation of a step that recorded (or took over) an incident: deletes it and puts the
 * watch's mark back, so the next scan finds the order again.
 */
export async function revertDelayIncident(
  data: RevertDelayIncidentInput | undefined,
  { container }: { container: { resolve<T>(key: string): T } }
): Promise<void> {
  if (!data) {
    return
  }
  const watches = container.resolve<DelayWatchService>(AftersalesModules.DELAY_WATCH)
  await watches.revertIncident(data.incident_id, {
    late_stage: data.late_stage,
    deliver_by: data.deliver_by,
  })
}

/**
 * Records the broken promise once per order and stage, with a new delivery estimate. A
 * retry, a second scan or a replayed carrier report answers the incident already there
 * (`created: false`). A carrier report is checked against the watch under its lock: one for a
 * closed watch, dated before the order or the goods' last movement, or in the future, records
 * nothing (`incident: null`, `ignored` says why). Compensation deletes what this run recorded,
 * so the order is found again by the next scan.
 */
export const recordDelayIncidentStep = createStep(
  recordDelayIncidentStepId,
  async (input: RecordDelayIncidentStepInput, { container }) => {
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const watch = await watches.retrieveWatchByOrder(input.order_id)
    const now = new Date()
    const newEstimate = watch
      ? estimateNewDelivery(
          { ship_by: new Date(watch.ship_by), deliver_by: new Date(watch.deliver_by) },
          input.stage,
          input.cause,
          now
        )
      : now
    const toRecord = {
      order_id: input.order_id,
      cause: input.cause,
      reference: input.reference ?? null,
      new_estimate: newEstimate,
    }
    // Both throw NOT_FOUND for an order with no watch.
    const recorded =
      input.stage === "carrier"
        ? await watches.recordCarrierIncident({
            ...toRecord,
            // A report that does not say when it happened is taken as happening now.
            occurred_at: input.occurred_at ? new Date(input.occurred_at) : now,
            now,
          })
        : await watches.recordIncident({ ...toRecord, stage: input.stage, detected_at: now })
    if (!recorded.incident) {
      return new StepResponse<RecordDelayIncidentStepOutput, RevertDelayIncidentInput>(
        { incident: null, created: false, watch_id: null, shipped: !!watch?.shipped_at, ignored: recorded.ignored },
        null
      )
    }
    const { incident, created } = recorded
    const output: RecordDelayIncidentStepOutput = {
      incident,
      created,
      watch_id: incident.watch_id,
      shipped: !!watch?.shipped_at,
    }
    return new StepResponse<RecordDelayIncidentStepOutput, RevertDelayIncidentInput>(
      output,
      created && watch
        ? { incident_id: incident.id, late_stage: watch.late_stage, deliver_by: new Date(watch.deliver_by) }
        : null
    )
  },
  revertDelayIncident
)
