import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AftersalesSettings } from "../../../types/settings"
import {
  updateAftersalesSettingsStep,
  UpdateAftersalesSettingsStepInput,
} from "../steps/update-settings"

export const updateAftersalesSettingsWorkflowId = "update-aftersales-settings"

/**
 * Applies a partial settings patch (merged per section) and answers the whole settings now in
 * force. Invalid values are refused with the path of the first wrong field. `updated_by` (the
 * admin user) is recorded, with the time, on each section the patch names.
 */
export const updateAftersalesSettingsWorkflow = createWorkflow(
  updateAftersalesSettingsWorkflowId,
  (input: UpdateAftersalesSettingsStepInput) => {
    const settings = updateAftersalesSettingsStep(input)
    return new WorkflowResponse<AftersalesSettings>(settings)
  }
)
