import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import { pointsForReturnedLines } from "../earning"
import { loyaltyService } from "../utils"

export const takeBackReturnedPointsStepId = "take-back-returned-points"

/** The received return. */
export type TakeBackReturnedPointsStepInput = {
  /** The order the return belongs to. */
  order_id: string
  /** The return that was received. */
  return_id: string
}

/**
 * Reverses exactly the returned lines' share of what the order earned, at the rate and
 * multiplier stored on the earn entry (not today's). Once per return (`return:<id>`).
 */
export const takeBackReturnedPointsStep = createStep(
  takeBackReturnedPointsStepId,
  async (input: TakeBackReturnedPointsStepInput, { container }) => {
    const service = loyaltyService(container)
    const [earn] = await service.listLoyaltyTransactions({ order_id: input.order_id, type: "earn" })
    if (!earn) {
      return new StepResponse<LoyaltyTransactionDTO | null>(null)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [ret],
    } = await query.graph({
      entity: "return",
      fields: ["id", "items.item_id", "items.quantity", "items.received_quantity"],
      filters: { id: input.return_id },
    })
    const returned = (ret?.items ?? []).map(
      (i: { item_id: string; quantity: number; received_quantity?: number | null }) => ({
        item_id: i.item_id,
        quantity: Number(i.received_quantity || i.quantity),
      })
    )
    const lines = ((earn.metadata as { lines?: Record<string, { quantity: number; amount: number }> })
      ?.lines ?? {})
    const points = pointsForReturnedLines(lines, returned, earn.rate ?? 0, earn.multiplier ?? 1)
    if (points <= 0) {
      return new StepResponse<LoyaltyTransactionDTO | null>(null)
    }
    const entry = await service.reverseEarned({
      earn_id: earn.id,
      points,
      idempotency_key: `return:${input.return_id}`,
      reason: "items returned",
      reference_id: input.return_id,
    })
    return new StepResponse<LoyaltyTransactionDTO | null>(entry)
  }
)
