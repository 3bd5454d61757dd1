import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolveCarrierReportStep } from "../steps"
import { ReportCarrierExceptionInput } from "../types"
import { detectOrderDelayWorkflow } from "./detect-order-delay"

export const reportCarrierExceptionWorkflowId = "report-carrier-exception"

/**
 * A carrier's exception (failed attempt, customs, lost, no movement) on a tracking number or
 * fulfilment: the order's `carrier` stage goes late, once. A replayed report, or a later
 * exception on the same order, opens nothing new. A report for a closed watch (delivered or
 * canceled), or dated before the order, before the goods' last movement or in the future,
 * is ignored: no incident, ticket, email or event, and the answer says why.
 */
export const reportCarrierExceptionWorkflow = createWorkflow(
  reportCarrierExceptionWorkflowId,
  (input: ReportCarrierExceptionInput) => {
    const report = resolveCarrierReportStep({
      tracking_number: input.tracking_number,
      fulfillment_id: input.fulfillment_id,
    })
    const detectInput = transform({ report, input }, ({ report, input }) => ({
      order_id: report.order_id,
      stage: "carrier" as const,
      cause: input.exception,
      reference: report.reference,
      occurred_at: input.occurred_at ?? null,
    }))
    const detected = detectOrderDelayWorkflow.runAsStep({ input: detectInput })
    const result = transform({ report, detected }, ({ report, detected }) => ({
      order_id: report.order_id,
      ...detected,
    }))
    return new WorkflowResponse(result)
  }
)
