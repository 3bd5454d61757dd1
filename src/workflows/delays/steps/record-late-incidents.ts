import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import DelayWatchService from "../../../modules/delay_watch/service"
import { SCANNED_STAGES } from "../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../types/modules"
import { LateOrder } from "./find-late-watches"

export const recordLateIncidentsStepId = "record-late-incidents"

/** The late orders found by the scan, and how many to record at once. */
export type RecordLateIncidentsStepInput = {
  late: LateOrder[]
  /** Incidents recorded per transaction (default 500). */
  page_size?: number
}

/** What recording the late orders did. */
export type RecordLateIncidentsStepOutput = {
  /** Incidents this run wrote (each recorded, not yet announced). */
  recorded: number
  /** Late orders whose page could not be recorded; the next run finds them again. */
  failed: number
}

/**
 * Records the late orders' incidents a page at a time (`recordLateIncidents`: one transaction
 * a page, one incident per order and stage whatever other scans do at the same time). It only
 * records: each incident stays "recorded, not yet announced" until the announcement that
 * follows (`announceDelayIncidentWorkflow`, run by the job for every such incident) tells the
 * customer, so a crash in between loses nothing.
 */
export const recordLateIncidentsStep = createStep(
  recordLateIncidentsStepId,
  async (input: RecordLateIncidentsStepInput, { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const pageSize = input.page_size ?? 500
    const now = new Date()
    let recorded = 0
    let failed = 0
    for (const stage of SCANNED_STAGES) {
      const ofStage = input.late.filter((l) => l.stage === stage)
      for (let i = 0; i < ofStage.length; i += pageSize) {
        const page = ofStage.slice(i, i + pageSize)
        try {
          recorded += (await watches.recordLateIncidents(stage, page.map((l) => l.watch_id), now)).length
        } catch (e) {
          // Nothing of the page was recorded (one transaction): the next run finds it again.
          failed += page.length
          logger.warn(`medusa-aftersales: delays of ${page.length} order(s) (${stage}) not recorded: ${(e as Error).message}`)
        }
      }
    }
    return new StepResponse<RecordLateIncidentsStepOutput>({ recorded, failed })
  }
)
