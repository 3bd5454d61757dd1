import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { flagSlaBreachesStep, notifyAdminsOfSlaBreachesStep } from "../steps"

export const checkSlaBreachesWorkflowId = "check-support-sla-breaches"

/**
 * What the `sla-check` job does: flags tickets whose first-response or resolution due time
 * passed, and posts one admin feed notification naming them. Answers `{ flagged, tickets }`,
 * `flagged` being the number of tickets this run flagged: a second run right after, or one
 * running at the same time, never flags (or names) a ticket again.
 */
export const checkSlaBreachesWorkflow = createWorkflow(checkSlaBreachesWorkflowId, () => {
  const flagged = flagSlaBreachesStep()
  notifyAdminsOfSlaBreachesStep(flagged)
  return new WorkflowResponse(
    transform({ flagged }, ({ flagged }) => ({
      flagged: flagged.length,
      tickets: flagged,
    }))
  )
})
