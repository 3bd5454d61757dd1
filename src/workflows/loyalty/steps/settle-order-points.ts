import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import {
  OrderForPoints,
  ORDER_POINTS_FIELDS,
  placedLines,
  pointsToRefund,
  pointsToReverse,
} from "../order-points"
import { loyaltyService } from "../utils"

export const settleOrderPointsStepId = "settle-order-points"

/** The order whose points follow what happened to it. */
export type SettleOrderPointsStepInput = {
  /** The order that changed (return received, exchange, claim, order edit, cancel). */
  order_id: string
  /** Why, written on the entries (e.g. "order edited"); for a return it follows from the return. */
  reason?: string
  /** The return that was received, if that is what happened. */
  return_id?: string | null
  /** The record that caused it (a return, claim, exchange or order change), kept on the entry. */
  reference_id?: string | null
}

/** The entries a settlement wrote (empty when the order's points already matched its state). */
export type SettleOrderPointsStepOutput = {
  reversed: LoyaltyTransactionDTO[]
  refunded: LoyaltyTransactionDTO[]
}

/**
 * Brings an order's points in line with the order as it stands now (target state, not per
 * event): takes back earned points down to the points for what the customer keeps and paid
 * for, and gives back redeemed points for what is owed back beyond the money paid. Whatever
 * mix of returns in rounds, exchanges, claims, edits and cancel led there, and however often
 * an event is delivered, the result is the same: each write is keyed by its total and a
 * total already reached writes nothing. Never gives earned points back nor takes refunded
 * points back, so there is nothing to compensate.
 */
export const settleOrderPointsStep = createStep(
  settleOrderPointsStepId,
  async (input: SettleOrderPointsStepInput, { container }) => {
    const service = loyaltyService(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const output: SettleOrderPointsStepOutput = { reversed: [], refunded: [] }
    const [earnings, redemptions] = await Promise.all([
      service.listLoyaltyTransactions({ order_id: input.order_id, type: "earn" }),
      service.listLoyaltyTransactions({ order_id: input.order_id, type: "redeem" }),
    ])
    if (!earnings.length && !redemptions.length) {
      return new StepResponse(output)
    }
    const {
      data: [order],
    } = (await query.graph({
      entity: "order",
      fields: ORDER_POINTS_FIELDS,
      filters: { id: input.order_id },
    })) as { data: OrderForPoints[] }
    if (!order) {
      return new StepResponse(output)
    }
    const reason = input.return_id ? await returnReason(query, input.return_id) : input.reason ?? "order changed"
    const referenceId = input.reference_id ?? input.return_id ?? null
    for (const earn of earnings) {
      const entry = await service.reverseEarnedTo({
        earn_id: earn.id,
        total: pointsToReverse(earn, order),
        reason,
        reference_id: referenceId,
      })
      if (entry && entry.points !== 0) {
        output.reversed.push(entry)
      }
    }
    for (const redemption of redemptions) {
      const total = pointsToRefund(redemption, order, placedLines(order, earnings[0]))
      if (total <= 0) {
        continue
      }
      const entry = await service.refundRedeemedTo({
        redemption_id: redemption.id,
        total,
        reason,
        order_id: order.id,
      })
      if (entry) {
        output.refunded.push(entry)
      }
    }
    return new StepResponse(output)
  }
)

/** What a received return was for, as the entries name it. */
async function returnReason(
  query: { graph: (config: { entity: string; fields: string[]; filters: Record<string, unknown> }) => Promise<{ data: unknown[] }> },
  returnId: string
): Promise<string> {
  const {
    data: [ret],
  } = (await query.graph({
    entity: "return",
    fields: ["id", "exchange_id", "claim_id"],
    filters: { id: returnId },
  })) as { data: { exchange_id?: string | null; claim_id?: string | null }[] }
  return ret?.exchange_id ? "exchanged for cheaper items" : ret?.claim_id ? "items claimed" : "items returned"
}
