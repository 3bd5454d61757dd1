import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rateSupportTicketStep, RateSupportTicketStepInput } from "../steps"

export const rateSupportTicketWorkflowId = "rate-support-ticket"

/** A shopper rates the latest resolution of their ticket, 1 to 5, once per resolution. */
export const rateSupportTicketWorkflow = createWorkflow(
  rateSupportTicketWorkflowId,
  (input: RateSupportTicketStepInput) => {
    return new WorkflowResponse(rateSupportTicketStep(input))
  }
)
