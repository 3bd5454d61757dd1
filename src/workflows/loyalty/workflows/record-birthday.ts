import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  recordLoyaltyBirthdayStep,
  RecordLoyaltyBirthdayStepInput,
} from "../steps/record-birthday"

export const recordLoyaltyBirthdayWorkflowId = "record-loyalty-birthday"

/**
 * Copies a customer's `metadata.birthday` to their points account and notes a change (run on
 * `customer.created` and `customer.updated`).
 */
export const recordLoyaltyBirthdayWorkflow = createWorkflow(
  recordLoyaltyBirthdayWorkflowId,
  (input: RecordLoyaltyBirthdayStepInput) => {
    return new WorkflowResponse(recordLoyaltyBirthdayStep(input))
  }
)
