import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AnnounceDelayIncidentInput, AnnounceDelayIncidentOutput } from "../types"
import { announceDelay } from "./announce-delay"

export const announceDelayIncidentWorkflowId = "announce-delay-incident"

/**
 * Announces one incident that was recorded but not yet announced — by this scan, or left by an
 * earlier run that crashed in between: opens the one proactive ticket, tells the customer and
 * emits `order_delay.detected`, then marks it announced. An incident another run announced
 * meanwhile is left alone. A failure undoes this run's ticket and leaves the incident
 * recorded, so the next scan announces it.
 */
export const announceDelayIncidentWorkflow = createWorkflow(
  announceDelayIncidentWorkflowId,
  (input: AnnounceDelayIncidentInput) => {
    const order = transform({ input }, ({ input }) => ({
      order_id: input.incident.order_id,
      stage: input.incident.stage,
      cause: input.incident.cause,
    }))
    const context = transform({ input }, ({ input }) => input.context)
    const incidentId = transform({ input }, ({ input }) => input.incident.id as string | null)

    const { ticket, state } = announceDelay({ input: order, context, incident_id: incidentId })

    const result = transform({ state, ticket, input }, ({ state, ticket, input }): AnnounceDelayIncidentOutput => ({
      incident_id: input.incident.id,
      announced: state.announce,
      ticket_id: ticket?.id ?? null,
    }))
    return new WorkflowResponse(result)
  }
)
