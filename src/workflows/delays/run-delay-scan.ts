import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import DelayWatchService from "../../modules/delay_watch/service"
import { AftersalesModules } from "../../types/modules"
import { checkpoint } from "../../utils/pause-point"
import { loadDelayContexts } from "./steps/load-delay-context"
import { ScanDelaysInput, ScanDelaysOutput } from "./types"
import { announceDelayIncidentWorkflow } from "./workflows/announce-delay-incident"
import { scanDelaysWorkflow } from "./workflows/scan-delays"

/**
 * The `delay-scan` job (the schedule and "run now" both run it): first records the incidents
 * of the late orders (`scanDelaysWorkflow`), then announces every incident recorded but not
 * yet announced — this run's and any a crashed run left — each in its own
 * `announceDelayIncidentWorkflow` (ticket, email, event; idempotent, under a lock per order
 * and stage). With delays switched off it announces nothing either. One incident's failure is
 * logged and counted; it stays recorded and the next run announces it.
 */
export async function runDelayScan(container: MedusaContainer, input: ScanDelaysInput = {}): Promise<ScanDelaysOutput> {
  const { result: found } = await scanDelaysWorkflow(container).run({ input })
  const summary: ScanDelaysOutput = {
    enabled: found.enabled,
    scanned: found.scanned,
    late: found.late,
    late_by_stage: found.late_by_stage,
    recorded: found.recorded,
    announced: 0,
    tickets_opened: 0,
    failed: found.failed,
  }
  if (!found.enabled) {
    return summary
  }
  // Recorded and committed, not yet announced: where the topology tests crash a worker.
  await checkpoint(container, "delay-scan:after-record")
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
  const pageSize = input.page_size ?? 500
  const max = input.max_late ?? 5000
  let after: { detected_at: Date; id: string } | null = null
  let seen = 0
  while (seen < max) {
    const page = await watches.listUnannouncedIncidents({ after, limit: Math.min(pageSize, max - seen) })
    if (!page.length) {
      break
    }
    seen += page.length
    const contexts = await loadDelayContexts(
      container,
      page.map((i) => i.order_id)
    )
    for (const incident of page) {
      const context = contexts.get(incident.order_id)
      if (!context) {
        summary.failed++
        logger.warn(`medusa-aftersales: delay of order ${incident.order_id} (${incident.stage}) not announced: the order was not found`)
        continue
      }
      const { result, errors } = await announceDelayIncidentWorkflow(container).run({
        input: { incident, context },
        throwOnError: false,
      })
      if (errors.length) {
        summary.failed++
        logger.warn(
          `medusa-aftersales: delay of order ${incident.order_id} (${incident.stage}) not announced: ${errors[0].error?.message}`
        )
        continue
      }
      if (result.announced) {
        summary.announced++
        if (result.ticket_id) {
          summary.tickets_opened++
        }
      }
    }
    const last = page[page.length - 1]
    after = { detected_at: last.detected_at, id: last.id }
    if (page.length < pageSize) {
      break
    }
  }
  return summary
}

/**
 * The job as `POST /admin/aftersales/jobs/:name/run` calls the others (`job(container).run`):
 * the delay scan is two phases, recording then announcing, so it is not one workflow.
 */
export const delayScanJob = (container: MedusaContainer) => ({
  run: async ({ input }: { input?: ScanDelaysInput }) => ({ result: await runDelayScan(container, input ?? {}) }),
})
