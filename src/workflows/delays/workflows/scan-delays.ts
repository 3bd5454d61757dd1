import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { detectLateOrdersStep, findLateWatchesStep } from "../steps"
import { ScanDelaysInput, ScanDelaysOutput } from "../types"

export const scanDelaysWorkflowId = "scan-delays"

/**
 * The `delay-scan` job: finds the orders whose ship or delivery promise broke (an indexed,
 * keyset-paged read whose cost follows the late orders), records their incidents a page per
 * transaction and acts on each incident it recorded. Running it twice, at once or after
 * missed runs, opens no second ticket. Answers what it did.
 */
export const scanDelaysWorkflow = createWorkflow(
  scanDelaysWorkflowId,
  (input: ScanDelaysInput) => {
    const found = findLateWatchesStep(input)
    const detectInput = transform({ found, input }, ({ found, input }) => ({
      late: found.late,
      page_size: input.page_size,
    }))
    const done = detectLateOrdersStep(detectInput)
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
