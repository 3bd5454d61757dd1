import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import ReturnRulesModuleService from "../../../modules/return_rules/service"
import { AftersalesModules } from "../../../types/modules"

export const eraseCustomerReturnRequestsStepId = "erase-customer-return-requests"

/** The customer whose return requests lose their free data. */
export type EraseCustomerReturnRequestsStepInput = {
  /** The customer being erased. */
  customer_id: string
}

/**
 * Drops the free-form metadata of the customer's return requests (notes a storefront may put
 * there). The request itself stays: lines, quantities, resolution, amounts and the core return
 * or exchange it made are order records the store keeps. No compensation, as for tickets.
 */
export const eraseCustomerReturnRequestsStep = createStep(
  eraseCustomerReturnRequestsStepId,
  async (input: EraseCustomerReturnRequestsStepInput, { container }) => {
    const returns: ReturnRulesModuleService = container.resolve(AftersalesModules.RETURN_RULES)
    const requests = await returns.listReturnRequests(
      { customer_id: input.customer_id },
      { select: ["id", "metadata"] }
    )
    const withData = requests.filter((r) => r.metadata)
    if (withData.length) {
      await returns.updateReturnRequests(withData.map((r) => ({ id: r.id, metadata: null })))
    }
    return new StepResponse(withData.length)
  }
)
