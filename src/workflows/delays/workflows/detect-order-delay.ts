import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
// Each step from its own file: the steps barrel holds detect-late-orders, which runs this workflow.
import { loadDelayContextStep } from "../steps/load-delay-context"
import { recordDelayIncidentStep } from "../steps/record-delay-incident"
import { DetectOrderDelayInput, DetectOrderDelayOutput } from "../types"
import { announceDelay } from "./announce-delay"

export const detectOrderDelayWorkflowId = "detect-order-delay"

/**
 * Acts on one broken promise of an order, once per order and stage: records the incident with
 * a new estimate, opens one proactive ticket (category `delay`, priority high; the database
 * keeps `delay:<order>:<stage>` unique), tells the customer first (apology, cause, new date,
 * the choice to wait or cancel) and emits `order_delay.detected`. A retry, a second scan or a
 * replayed carrier report does nothing more; a carrier report that cannot be true of the
 * parcel now (watch closed, stale, from the future) records and sends nothing. A failure undoes
 * the incident and the ticket, so the next scan tries again.
 */
export const detectOrderDelayWorkflow = createWorkflow(
  detectOrderDelayWorkflowId,
  (input: DetectOrderDelayInput) => {
    const context = loadDelayContextStep({ order_id: input.order_id })
    const recorded = recordDelayIncidentStep(input)

    const ticket = announceDelay({ input, context, recorded })

    const result = transform({ recorded, ticket }, ({ recorded, ticket }): DetectOrderDelayOutput => ({
      incident_id: recorded.incident?.id ?? null,
      created: recorded.created,
      ticket_id: ticket?.id ?? recorded.incident?.ticket_id ?? null,
      ignored: recorded.ignored ?? null,
    }))
    return new WorkflowResponse(result)
  }
)
