import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
// Each step from its own file: the steps barrel holds detect-late-orders, which runs this workflow.
import { adoptDelayIncidentStep } from "../steps/adopt-delay-incident"
import { AnnounceDelayIncidentInput, DetectOrderDelayInput, DetectOrderDelayOutput } from "../types"
import { announceDelay } from "./announce-delay"

export const announceDelayIncidentWorkflowId = "announce-delay-incident"

/**
 * Acts on an incident the scan has just recorded for a page of late orders at once: opens the
 * one proactive ticket, tells the customer and emits `order_delay.detected`, as
 * `detectOrderDelayWorkflow` does after recording. A failure undoes the ticket and the
 * incident itself (the watch's mark is cleared), so the next scan finds the order again.
 */
export const announceDelayIncidentWorkflow = createWorkflow(
  announceDelayIncidentWorkflowId,
  (input: AnnounceDelayIncidentInput) => {
    const adoptInput = transform({ input }, ({ input }) => ({
      incident: input.recorded.incident,
      created: true,
      watch_id: input.recorded.incident.watch_id,
      shipped: input.recorded.shipped,
      previous: input.recorded.previous,
    }))
    const recorded = adoptDelayIncidentStep(adoptInput)
    const detectInput = transform({ input }, ({ input }): DetectOrderDelayInput => ({
      order_id: input.recorded.incident.order_id,
      stage: input.recorded.incident.stage,
      cause: input.recorded.incident.cause,
    }))
    const context = transform({ input }, ({ input }) => input.context)

    const ticket = announceDelay({ input: detectInput, context, recorded })

    const result = transform({ recorded, ticket }, ({ recorded, ticket }): DetectOrderDelayOutput => ({
      incident_id: recorded.incident.id,
      created: recorded.created,
      ticket_id: ticket?.id ?? null,
      ignored: null,
    }))
    return new WorkflowResponse(result)
  }
)
