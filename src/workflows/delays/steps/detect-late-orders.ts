import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import DelayWatchService from "../../../modules/delay_watch/service"
import { SCANNED_STAGES } from "../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../types/modules"
import { announceDelayIncidentWorkflow } from "../workflows/announce-delay-incident"
import { LateOrder } from "./find-late-watches"
import { loadDelayContexts } from "./load-delay-context"

export const detectLateOrdersStepId = "detect-late-orders"

/** The late orders found by the scan, and how many to record at once. */
export type DetectLateOrdersStepInput = {
  late: LateOrder[]
  /** Incidents recorded per transaction (default 500). */
  page_size?: number
}

/** What acting on the late orders did. */
export type DetectLateOrdersStepOutput = { tickets_opened: number; failed: number }

/**
 * Acts on the late orders a page at a time: one transaction records the page's incidents
 * (`recordLateIncidents`: one per order and stage, whatever other scans do at the same time),
 * one query loads the customers of those it recorded, then each recorded incident gets its
 * own run of `announceDelayIncidentWorkflow` (ticket, email, event). One order's failure is
 * compensated on its own (its incident is deleted) and logged, the others still get their
 * ticket, and the failed order is found again by the next run.
 */
export const detectLateOrdersStep = createStep(
  detectLateOrdersStepId,
  async (input: DetectLateOrdersStepInput, { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const pageSize = input.page_size ?? 500
    const now = new Date()
    let ticketsOpened = 0
    let failed = 0
    for (const stage of SCANNED_STAGES) {
      const ofStage = input.late.filter((l) => l.stage === stage)
      for (let i = 0; i < ofStage.length; i += pageSize) {
        const page = ofStage.slice(i, i + pageSize)
        let recorded: Awaited<ReturnType<DelayWatchService["recordLateIncidents"]>>
        try {
          recorded = await watches.recordLateIncidents(
            stage,
            page.map((l) => l.watch_id),
            now
          )
        } catch (e) {
          // Nothing of the page was recorded (one transaction): the next run finds it again.
          failed += page.length
          logger.warn(`medusa-aftersales: delays of ${page.length} order(s) (${stage}) not recorded: ${(e as Error).message}`)
          continue
        }
        const contexts = await loadDelayContexts(
          container,
          recorded.map((r) => r.incident.order_id)
        )
        for (const item of recorded) {
          const orderId = item.incident.order_id
          const context = contexts.get(orderId)
          if (!context) {
            // As `loadDelayContextStep` would fail: undo the incident, the order stays in the scan.
            await watches.revertIncident(item.incident.id, item.previous)
            failed++
            logger.warn(`medusa-aftersales: delay of order ${orderId} (${stage}) not handled: the order was not found`)
            continue
          }
          const { result, errors } = await announceDelayIncidentWorkflow(container).run({
            input: { recorded: item, context },
            throwOnError: false,
          })
          if (errors.length) {
            failed++
            logger.warn(
              `medusa-aftersales: delay of order ${orderId} (${stage}) not handled: ${errors[0].error?.message}`
            )
            continue
          }
          if (result.ticket_id) {
            ticketsOpened++
          }
        }
      }
    }
    return new StepResponse<DetectLateOrdersStepOutput>({ tickets_opened: ticketsOpened, failed })
  }
)
