import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addBonusPointsStep, AddBonusPointsStepInput } from "../steps/add-bonus-points"

export const addLoyaltyBonusPointsWorkflowId = "add-loyalty-bonus-points"

/**
 * Credits bonus points once per idempotency key, expiring per the live settings (signup,
 * birthday, a `points` gesture).
 */
export const addLoyaltyBonusPointsWorkflow = createWorkflow(
  addLoyaltyBonusPointsWorkflowId,
  (input: AddBonusPointsStepInput) => {
    return new WorkflowResponse(addBonusPointsStep(input))
  }
)
