import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DelayStage } from "../../../modules/delay_watch/types"
import {
  RecordedDelayIncident,
  revertDelayIncident,
  RevertDelayIncidentInput,
} from "./record-delay-incident"

export const adoptDelayIncidentStepId = "adopt-delay-incident"

/** An incident the scan recorded in bulk, to be announced by this run. */
export type AdoptDelayIncidentStepInput = RecordedDelayIncident & {
  /** The watch as it was before the incident, to put back on failure. */
  previous: { late_stage: DelayStage | null; deliver_by: Date }
}

/**
 * Takes over an incident the scan already recorded (`recordLateIncidents`, a page at a time)
 * as if this run had recorded it: it answers the incident unchanged, and its compensation
 * deletes the incident and clears the watch's mark, so a failure later in the run (the ticket,
 * the email) leaves the order to be found again by the next scan.
 */
export const adoptDelayIncidentStep = createStep(
  adoptDelayIncidentStepId,
  async (input: AdoptDelayIncidentStepInput) => {
    const { previous, ...recorded } = input
    return new StepResponse<RecordedDelayIncident, RevertDelayIncidentInput>(
      recorded,
      recorded.created
        ? { incident_id: recorded.incident.id, late_stage: previous.late_stage, deliver_by: new Date(previous.deliver_by) }
        : null
    )
  },
  revertDelayIncident
)
