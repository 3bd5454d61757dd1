import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import ReturnRulesModuleService from "../../../modules/return_rules/service"
import { Resolution } from "../../../modules/return_rules/rules"
import { AftersalesModules } from "../../../types/modules"

export const createReturnRequestRecordStepId = "create-return-request-record"

/** The request to record before Medusa's exchange or return is created. */
export type CreateReturnRequestRecordStepInput = {
  /** The order the request is about. */
  order_id: string
  /** The customer who asked. */
  customer_id: string
  /** Unique per customer: a second insert with the same key fails instead of duplicating. */
  idempotency_key: string
  /** What the shopper chose. */
  resolution: Resolution
  /** Whether the shopper keeps the goods. */
  keep_item: boolean
  /** The lines asked for. */
  items: { id: string; quantity: number; reason_id?: string | null }[]
  /** Exchange only: the new variants. */
  exchange_items: { variant_id: string; quantity: number }[] | null
  /** Bonus taken off the exchange, or null. */
  bonus_amount: number | null
  /** The order's currency. */
  currency_code: string
}

/**
 * Records the request first, so its idempotency key is claimed inside the order's lock;
 * compensation deletes it when a later step fails, leaving no trace of a failed request.
 */
export const createReturnRequestRecordStep = createStep(
  createReturnRequestRecordStepId,
  async (input: CreateReturnRequestRecordStepInput, { container }) => {
    const service: ReturnRulesModuleService = container.resolve(AftersalesModules.RETURN_RULES)
    const record = await service.createReturnRequests({
      ...input,
      items: input.items as unknown as Record<string, unknown>,
      exchange_items: input.exchange_items as unknown as Record<string, unknown> | null,
    })
    return new StepResponse({ id: record.id }, record.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: ReturnRulesModuleService = container.resolve(AftersalesModules.RETURN_RULES)
    // A hard delete frees the idempotency key for a retry of the same request.
    await service.deleteReturnRequests(id)
  }
)
