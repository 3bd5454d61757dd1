import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { adjustLoyaltyPointsStep, AdjustLoyaltyPointsStepInput } from "../steps/adjust-points"

export const adjustLoyaltyPointsWorkflowId = "adjust-loyalty-points"

/** An admin adjustment of a customer's points, with a reason; never below zero. */
export const adjustLoyaltyPointsWorkflow = createWorkflow(
  adjustLoyaltyPointsWorkflowId,
  (input: AdjustLoyaltyPointsStepInput) => {
    return new WorkflowResponse(adjustLoyaltyPointsStep(input))
  }
)
