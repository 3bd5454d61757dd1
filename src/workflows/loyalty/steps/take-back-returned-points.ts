import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import { EarnedLines, pointsForExchange, pointsForReturnedLines } from "../earning"
import { loyaltyService, loyaltySettings } from "../utils"

export const takeBackReturnedPointsStepId = "take-back-returned-points"

/** The received return. */
export type TakeBackReturnedPointsStepInput = {
  /** The order the return belongs to. */
  order_id: string
  /** The return that was received. */
  return_id: string
}

type ReturnForPoints = {
  id: string
  exchange_id?: string | null
  claim_id?: string | null
  items?: { item_id: string; quantity: number; received_quantity?: number | null }[] | null
}

type OrderItemAmounts = {
  id: string
  subtotal?: BigNumberInput | null
  total?: BigNumberInput | null
  discount_subtotal?: BigNumberInput | null
}

/**
 * Reverses exactly the returned lines' share of what the order earned, at the rate and
 * multiplier stored on the earn entry (not today's). The return of an exchange reverses only
 * the price drop (returned share minus the new items' eligible amount); a claim's return
 * (a replacement for a faulty item) reverses nothing. Once per return (`return:<id>`).
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
    } = (await query.graph({
      entity: "return",
      fields: ["id", "exchange_id", "claim_id", "items.item_id", "items.quantity", "items.received_quantity"],
      filters: { id: input.return_id },
    })) as { data: ReturnForPoints[] }
    if (!ret || ret.claim_id) {
      return new StepResponse<LoyaltyTransactionDTO | null>(null)
    }
    const returned = (ret.items ?? []).map((i) => ({
      item_id: i.item_id,
      quantity: Number(i.received_quantity || i.quantity),
    }))
    const lines = ((earn.metadata as { lines?: EarnedLines } | null)?.lines ?? {})
    const rate = earn.rate ?? 0
    const multiplier = earn.multiplier ?? 1
    const points = ret.exchange_id
      ? pointsForExchange(
          lines,
          returned,
          await exchangeItemsAmount(container, input.order_id, ret.exchange_id),
          rate,
          multiplier
        )
      : pointsForReturnedLines(lines, returned, rate, multiplier)
    if (points <= 0) {
      return new StepResponse<LoyaltyTransactionDTO | null>(null)
    }
    const entry = await service.reverseEarned({
      earn_id: earn.id,
      points,
      idempotency_key: `return:${input.return_id}`,
      reason: ret.exchange_id ? "exchanged for cheaper items" : "items returned",
      reference_id: input.return_id,
    })
    return new StepResponse<LoyaltyTransactionDTO | null>(entry)
  }
)

/** The eligible amount of the items an exchange sends out, counted as earning counts it. */
async function exchangeItemsAmount(
  container: MedusaContainer,
  orderId: string,
  exchangeId: string
): Promise<BigNumberInput> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [exchange],
  } = (await query.graph({
    entity: "order_exchange",
    fields: ["id", "additional_items.item_id"],
    filters: { id: exchangeId },
  })) as { data: { additional_items?: { item_id: string }[] | null }[] }
  const itemIds = new Set((exchange?.additional_items ?? []).map((i) => i.item_id))
  if (!itemIds.size) {
    return 0
  }
  const {
    data: [order],
  } = (await query.graph({
    entity: "order",
    // A top-level total field makes the Order module compute the items' totals too.
    fields: ["id", "item_subtotal", "items.id", "items.subtotal", "items.total", "items.discount_subtotal"],
    filters: { id: orderId },
  })) as { data: { items?: (OrderItemAmounts | null)[] | null }[] }
  const { eligible } = await loyaltySettings(container)
  return MathBN.add(
    0,
    ...(order?.items ?? [])
      .filter((item): item is OrderItemAmounts => !!item && itemIds.has(item.id))
      .map((item) =>
        eligible.tax
          ? MathBN.convert(item.total ?? 0)
          : MathBN.sub(item.subtotal ?? 0, item.discount_subtotal ?? 0)
      )
  )
}
