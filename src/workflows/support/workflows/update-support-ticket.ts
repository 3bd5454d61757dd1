import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateSupportTicketStep, UpdateSupportTicketStepInput } from "../steps"

export const updateSupportTicketWorkflowId = "update-support-ticket"

/** An agent changes a ticket's status (not to resolved), priority or assignee. */
export const updateSupportTicketWorkflow = createWorkflow(
  updateSupportTicketWorkflowId,
  (input: UpdateSupportTicketStepInput) => {
    return new WorkflowResponse(updateSupportTicketStep(input))
  }
)
