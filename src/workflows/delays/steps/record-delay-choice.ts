import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import DelayWatchService from "../../../modules/delay_watch/service"
import { DelayChoice } from "../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../types/modules"

export const recordDelayChoiceStepId = "record-delay-choice"

/** The shopper's choice on an incident. */
export type RecordDelayChoiceStepInput = {
  incident_id: string
  choice: DelayChoice
}

/**
 * Records the choice with the incident row locked and answers the one held before, which the
 * workflow uses to act once (a repeated "cancel" cancels nothing twice). Compensation puts the
 * previous choice back.
 */
export const recordDelayChoiceStep = createStep(
  recordDelayChoiceStepId,
  async (input: RecordDelayChoiceStepInput, { container }) => {
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const { previous } = await watches.recordChoice(input.incident_id, input.choice)
    return new StepResponse(
      { previous },
      { incident_id: input.incident_id, previous }
    )
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    await watches.restoreChoice(data.incident_id, data.previous)
  }
)
