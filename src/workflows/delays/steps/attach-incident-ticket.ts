import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import DelayWatchService from "../../../modules/delay_watch/service"
import { AftersalesModules } from "../../../types/modules"

export const attachIncidentTicketStepId = "attach-delay-incident-ticket"

/** The incident and the proactive ticket opened for it. */
export type AttachIncidentTicketStepInput = {
  incident_id: string
  ticket_id: string
}

/** Keeps the proactive ticket's id on the incident: the shopper's choice arrives through it. */
export const attachIncidentTicketStep = createStep(
  attachIncidentTicketStepId,
  async (input: AttachIncidentTicketStepInput, { container }) => {
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    await watches.updateDelayIncidents({ id: input.incident_id, ticket_id: input.ticket_id })
    return new StepResponse(input, input.incident_id)
  },
  async (incidentId, { container }) => {
    if (!incidentId) {
      return
    }
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    await watches.updateDelayIncidents({ id: incidentId, ticket_id: null })
  }
)
