import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import DelayWatchService from "../../../modules/delay_watch/service"
import { AftersalesModules } from "../../../types/modules"

export const closeDelayWatchStepId = "close-delay-watches"

/** The canceled order. */
export type CloseDelayWatchStepInput = {
  /** The order that no longer needs watching. */
  order_id: string
}

/** Stops watching a canceled order: its promises are no longer due. Idempotent. */
export const closeDelayWatchStep = createStep(
  closeDelayWatchStepId,
  async (input: CloseDelayWatchStepInput, { container }) => {
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const watch = await watches.closeWatch(input.order_id, new Date())
    return new StepResponse({ id: watch?.id ?? null, status: watch?.status ?? null })
  }
)
