import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  updateSupportTicketStep,
  UpdateSupportTicketStepInput,
  validateTicketAssigneeStep,
} from "../steps"

export const updateSupportTicketWorkflowId = "update-support-ticket"

/** An agent changes a ticket's status (not to resolved), priority or assignee. */
export const updateSupportTicketWorkflow = createWorkflow(
  updateSupportTicketWorkflowId,
  (input: UpdateSupportTicketStepInput) => {
    validateTicketAssigneeStep(input)
    return new WorkflowResponse(updateSupportTicketStep(input))
  }
)
