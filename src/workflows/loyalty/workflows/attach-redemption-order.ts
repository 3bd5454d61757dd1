import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  attachRedemptionOrderStep,
  AttachRedemptionOrderStepInput,
} from "../steps/attach-redemption-order"

export const attachRedemptionOrderWorkflowId = "attach-loyalty-redemption-order"

/**
 * On `order.placed`: the `redeem` entry of the order's cart names the order (points are
 * debited before the order exists). Safe to run twice.
 */
export const attachRedemptionOrderWorkflow = createWorkflow(
  attachRedemptionOrderWorkflowId,
  (input: AttachRedemptionOrderStepInput) => {
    return new WorkflowResponse(attachRedemptionOrderStep(input))
  }
)
