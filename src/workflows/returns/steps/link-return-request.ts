import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import ReturnRulesModuleService from "../../../modules/return_rules/service"
import { AftersalesModules } from "../../../types/modules"

export const linkReturnRequestStepId = "link-return-request"

/** The Medusa records a request created. */
export type LinkReturnRequestStepInput = {
  /** The return request. */
  id: string
  /** The Medusa exchange, for exchange requests. */
  exchange_id?: string | null
  /** The Medusa return (also the returned side of an exchange). */
  return_id?: string | null
  /** The payment collection for what a dearer exchange left owing. */
  payment_collection_id?: string | null
}

/** Points the request at the exchange and return it created; compensation clears them. */
export const linkReturnRequestStep = createStep(
  linkReturnRequestStepId,
  async (input: LinkReturnRequestStepInput, { container }) => {
    const service: ReturnRulesModuleService = container.resolve(AftersalesModules.RETURN_RULES)
    await service.updateReturnRequests({
      id: input.id,
      exchange_id: input.exchange_id ?? null,
      return_id: input.return_id ?? null,
      payment_collection_id: input.payment_collection_id ?? null,
    })
    return new StepResponse(input, input.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: ReturnRulesModuleService = container.resolve(AftersalesModules.RETURN_RULES)
    await service.updateReturnRequests({
      id,
      exchange_id: null,
      return_id: null,
      payment_collection_id: null,
    })
  }
)
