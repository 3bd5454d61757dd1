import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import DelayWatchService from "../../../modules/delay_watch/service"
import { AftersalesModules } from "../../../types/modules"

export const markDelayAnnouncedStepId = "mark-delay-announced"

/** The incident the customer was just told about. */
export type MarkDelayAnnouncedStepInput = {
  incident_id: string
}

/**
 * Takes the incident out of the outbox (`announced_at`), the last step of an announcement: a
 * crash before it leaves the incident for the next scan, whose ticket and email keys make the
 * retry open and send nothing twice.
 */
export const markDelayAnnouncedStep = createStep(
  markDelayAnnouncedStepId,
  async (input: MarkDelayAnnouncedStepInput, { container }) => {
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const marked = await watches.markAnnounced(input.incident_id, new Date())
    return new StepResponse({ marked })
  }
)
