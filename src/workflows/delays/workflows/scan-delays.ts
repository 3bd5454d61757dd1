import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findLateWatchesStep, recordLateIncidentsStep } from "../steps"
import { RecordLateOrdersOutput, ScanDelaysInput } from "../types"

export const scanDelaysWorkflowId = "scan-delays"

/**
 * The first half of the `delay-scan` job: finds the orders whose ship or delivery promise
 * broke (an indexed, keyset-paged read whose cost follows the late orders) and records their
 * incidents a page per transaction, each "recorded, not yet announced". It tells no one: the
 * job then announces every such incident (`runDelayScan`), these and any an earlier run left.
 * Running it twice, at once or after missed runs, records each order and stage once.
 */
export const scanDelaysWorkflow = createWorkflow(
  scanDelaysWorkflowId,
  (input: ScanDelaysInput) => {
    const found = findLateWatchesStep(input)
    const recordInput = transform({ found, input }, ({ found, input }) => ({
      late: found.late,
      page_size: input.page_size,
    }))
    const done = recordLateIncidentsStep(recordInput)
    const summary = transform({ found, done }, ({ found, done }): RecordLateOrdersOutput => ({
      enabled: found.enabled,
      scanned: found.late.length,
      late: found.late.length,
      late_by_stage: {
        ship: found.late.filter((l) => l.stage === "ship").length,
        deliver: found.late.filter((l) => l.stage === "deliver").length,
      },
      recorded: done.recorded,
      failed: done.failed,
    }))
    return new WorkflowResponse(summary)
  }
)
