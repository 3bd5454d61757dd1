import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const resolveCarrierReportStepId = "resolve-carrier-report"

/** What the carrier named. */
export type ResolveCarrierReportStepInput = {
  /** A tracking number on one of the store's fulfilment labels. */
  tracking_number?: string
  /** Or the fulfilment itself. */
  fulfillment_id?: string
}

/** The order the report is about. */
export type ResolveCarrierReportStepOutput = { order_id: string; fulfillment_id: string; reference: string }

/**
 * Finds the order's fulfilment a carrier report names, by tracking number (a fulfilment
 * label) or fulfilment id. An unknown one is a 404: the carrier learns nothing else.
 */
export const resolveCarrierReportStep = createStep(
  resolveCarrierReportStepId,
  async (input: ResolveCarrierReportStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const filters = input.fulfillment_id
      ? { id: input.fulfillment_id }
      : { labels: { tracking_number: input.tracking_number } }
    const reference = (input.tracking_number ?? input.fulfillment_id) as string
    const {
      data: [fulfillment],
    } = await query.graph({
      entity: "fulfillment",
      fields: ["id", "order.id"],
      filters: filters as Record<string, unknown>,
    })
    if (!fulfillment?.order?.id) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        input.fulfillment_id
          ? `Fulfillment with id ${input.fulfillment_id} was not found`
          : `No shipment with tracking number ${input.tracking_number} was found`
      )
    }
    return new StepResponse<ResolveCarrierReportStepOutput>({
      order_id: fulfillment.order.id,
      fulfillment_id: fulfillment.id,
      reference,
    })
  }
)
