import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IAftersalesSettingsModuleService } from "../../../types/settings"
import DelayWatchService from "../../../modules/delay_watch/service"
import { SCANNED_STAGES, ScanCursor, ScannedStage } from "../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../types/modules"

export const findLateWatchesStepId = "find-late-watches"

/** How much one scan reads. */
export type FindLateWatchesStepInput = {
  /** Rows per keyset page (default 500). */
  page_size?: number
  /** Most late orders one run acts on (default 5000); the next run finds the rest. */
  max_late?: number
}

/** One broken promise to act on. */
export type LateOrder = { watch_id: string; order_id: string; stage: ScannedStage }

/** The late orders found, oldest promise first per stage. */
export type FindLateWatchesStepOutput = { enabled: boolean; late: LateOrder[] }

/**
 * Finds every open order whose ship or delivery promise is past and unmet and not yet
 * reported, page by page through the partial indexes. It looks at the watches' state, not at
 * when the job last ran: a missed or failed run is caught up by the next one.
 */
export const findLateWatchesStep = createStep(
  findLateWatchesStepId,
  async (input: FindLateWatchesStepInput, { container }) => {
    const settings: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
    const { delays } = await settings.getSettings()
    if (!delays.enabled) {
      return new StepResponse<FindLateWatchesStepOutput>({ enabled: false, late: [] })
    }
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const pageSize = input.page_size ?? 500
    const max = input.max_late ?? 5000
    const now = new Date()
    const late: LateOrder[] = []
    for (const stage of SCANNED_STAGES) {
      let after: ScanCursor | null = null
      while (late.length < max) {
        const page = await watches.listLateWatches(stage, {
          now,
          after,
          limit: Math.min(pageSize, max - late.length),
        })
        for (const w of page) {
          late.push({ watch_id: w.id, order_id: w.order_id, stage })
        }
        if (page.length < pageSize) {
          break
        }
        const last = page[page.length - 1]
        after = { due: last.due, id: last.id }
      }
    }
    return new StepResponse<FindLateWatchesStepOutput>({ enabled: true, late })
  }
)
