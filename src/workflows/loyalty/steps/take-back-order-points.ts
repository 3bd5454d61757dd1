import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import { loyaltyService } from "../utils"

export const takeBackCanceledOrderPointsStepId = "take-back-canceled-order-points"

/** The cancelled order. */
export type TakeBackCanceledOrderPointsStepInput = {
  /** Id of the order that was cancelled. */
  order_id: string
}

/**
 * On cancel: voids what the order earned (pending points, or what is left of them) and gives
 * back the points redeemed on its cart (what a partial refund left). Each once: the keys are
 * derived from the entries, and a redemption is never refunded beyond what it spent.
 */
export const takeBackCanceledOrderPointsStep = createStep(
  takeBackCanceledOrderPointsStepId,
  async (input: TakeBackCanceledOrderPointsStepInput, { container }) => {
    const service = loyaltyService(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const reversed: LoyaltyTransactionDTO[] = []
    const refunded: LoyaltyTransactionDTO[] = []

    const earned = await service.listLoyaltyTransactions({ order_id: input.order_id, type: "earn" })
    for (const earn of earned) {
      const entry = await service.reverseEarned({
        earn_id: earn.id,
        points: Number.MAX_SAFE_INTEGER,
        idempotency_key: `cancel:${earn.id}`,
        reason: "order canceled",
        reference_id: input.order_id,
      })
      if (entry && entry.points !== 0) {
        reversed.push(entry)
      }
    }

    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["cart_id"],
      filters: { order_id: input.order_id },
    })
    const cartIds = links.map((l: { cart_id: string }) => l.cart_id)
    const redemptions = cartIds.length
      ? await service.listLoyaltyTransactions({ type: "redeem", reference_id: cartIds })
      : []
    for (const redemption of redemptions) {
      // Up to all of it: a partial refund (a return or edit before the cancel) left the rest.
      const entry = await service.refundRedeemedTo({
        redemption_id: redemption.id,
        total: -redemption.points,
        reason: "order canceled",
        order_id: input.order_id,
      })
      if (entry) {
        refunded.push(entry)
      }
    }
    return new StepResponse({ reversed, refunded })
  }
)
