import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { detectLateOrdersStep, findLateWatchesStep } from "../steps"
import { ScanDelaysInput, ScanDelaysOutput } from "../types"

export const scanDelaysWorkflowId = "scan-delays"

/**
 * The `delay-scan` job: finds the orders whose ship or delivery promise broke (an indexed,
 * keyset-paged read whose cost follows the late orders) and acts on each once. Running it
 * twice, or after missed runs, opens no second ticket. Answers what it did.
 */
export const scanDelaysWorkflow = createWorkflow(
  scanDelaysWorkflowId,
  (input: ScanDelaysInput) => {
    const found = findLateWatchesStep(input)
    const late = transform({ found }, ({ found }) => found.late)
    const done = detectLateOrdersStep(late)
    const summary = transform({ found, done }, ({ found, done }): ScanDelaysOutput => ({
      enabled: found.enabled,
      scanned: found.late.length,
      late: found.late.length,
      late_by_stage: {
        ship: found.late.filter((l) => l.stage === "ship").length,
        deliver: found.late.filter((l) => l.stage === "deliver").length,
      },
      tickets_opened: done.tickets_opened,
      failed: done.failed,
    }))
    return new WorkflowResponse(summary)
  }
)
