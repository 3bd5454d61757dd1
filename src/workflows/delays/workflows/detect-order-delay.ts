import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadDelayContextStep } from "../steps/load-delay-context"
import { recordDelayIncidentStep } from "../steps/record-delay-incident"
import { DetectOrderDelayInput, DetectOrderDelayOutput } from "../types"
import { announceDelay } from "./announce-delay"

export const detectOrderDelayWorkflowId = "detect-order-delay"

/**
 * Acts on one broken promise of an order, once per order and stage: records the incident with
 * a new estimate, then announces it (see `announceDelay`): one proactive ticket (category
 * `delay`, priority high; the database keeps `delay:<order>:<stage>` unique), the customer
 * told first (apology, cause, the late items, new date, the choice to wait or cancel) and
 * `order_delay.detected`. A retry, a second scan or a replayed carrier report does nothing
 * more (it announces an incident only if a crash left it unannounced); a carrier report that
 * cannot be true of the parcel now (watch closed, stale, from the future) records and sends
 * nothing. A failure undoes the incident and the ticket.
 */
export const detectOrderDelayWorkflow = createWorkflow(
  detectOrderDelayWorkflowId,
  (input: DetectOrderDelayInput) => {
    const context = loadDelayContextStep({ order_id: input.order_id })
    const recorded = recordDelayIncidentStep(input)
    const incidentId = transform({ recorded }, ({ recorded }) => recorded.incident?.id ?? null)

    const { ticket, state } = announceDelay({ input, context, incident_id: incidentId })

    const result = transform({ recorded, ticket, state }, ({ recorded, ticket, state }): DetectOrderDelayOutput => ({
      incident_id: recorded.incident?.id ?? null,
      created: recorded.created,
      ticket_id: ticket?.id ?? state.incident?.ticket_id ?? null,
      ignored: recorded.ignored ?? null,
    }))
    return new WorkflowResponse(result)
  }
)
