import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { expiryFor } from "../../../modules/loyalty_points/points-math"
import { LoyaltyTransactionDTO } from "../../../modules/loyalty_points/types"
import { placedOrderOf, PlacedOrderInput, placedOrderSettings } from "../../orders/placed-order"
import { computeOrderEarning } from "../earning"
import { loadOrderReturnWindowEnd } from "../return-window"
import { loyaltyService } from "../utils"

export const earnOrderPointsStepId = "earn-order-points"

/** The order that was placed (its id, and the order itself when the caller already read it). */
export type EarnOrderPointsStepInput = PlacedOrderInput

/** The order's earning, with what its message says: the points available after it, the order's number. */
export type EarnedOrderPoints = {
  entry: LoyaltyTransactionDTO
  balance: number
  order_display_id: number | null
}

const YEAR = 365 * 24 * 60 * 60 * 1000
const DAY = 24 * 60 * 60 * 1000

/**
 * Credits the points an order earns as a pending lot, available when the order's return
 * window closes and not before `pending_days` (see `unlockPendingPointsStep`). Once per
 * order: the entry's key is `earn:<order id>`, so a redelivered `order.placed` finds the
 * first entry (and undoes nothing of it if a later step fails). Orders earning 0 points earn
 * nothing, and so do guest orders: core gives a guest checkout a customer without an account,
 * and only registered customers earn or hold points (SPEC §10). A guest who registers later
 * gets a new customer; what they bought as a guest earns nothing then either.
 */
export const earnOrderPointsStep = createStep(
  earnOrderPointsStepId,
  async (input: EarnOrderPointsStepInput, { container }) => {
    const { loyalty: settings, returns } = await placedOrderSettings(container, input)
    if (!settings.enabled) {
      return new StepResponse<EarnedOrderPoints | null, string | null>(null, null)
    }
    const order = await placedOrderOf(container, input)
    if (!order?.customer_id || order.customer?.has_account !== true) {
      return new StepResponse<EarnedOrderPoints | null, string | null>(null, null)
    }
    const service = loyaltyService(container)
    const earned12Months = await service.earnedSince(order.customer_id, new Date(Date.now() - YEAR))
    const earning = computeOrderEarning(order, settings, earned12Months)
    if (earning.points <= 0) {
      return new StepResponse<EarnedOrderPoints | null, string | null>(null, null)
    }
    const now = new Date()
    // Pending until the return window closes (SPEC §1), and at least `pending_days`. Unknown
    // yet (the window runs from a delivery or fulfilment still to come): the pending days for
    // now, and the unlock job checks the window again before it makes the points available.
    // Only a window counted from the order is known at placement: the others are not read
    // (the order with its products and fulfilments, the heaviest read of the worker's
    // order.placed work).
    const windowEnd =
      returns.window_start === "order" ? await loadOrderReturnWindowEnd(container, order.id, returns) : null
    const pendingUntil = new Date(now.getTime() + settings.pending_days * DAY)
    // Once per order: the key `earn:<order id>` answers the first entry to a redelivered event.
    const { transaction, created, balance } = await service.earnPoints({
      customer_id: order.customer_id,
      order_id: order.id,
      points: earning.points,
      amount: earning.amount,
      currency_code: order.currency_code,
      rate: earning.rate,
      multiplier: earning.multiplier,
      available_at: windowEnd && windowEnd > pendingUntil ? windowEnd : pendingUntil,
      expires_at: expiryFor(now, settings.expiry_months),
      idempotency_key: `earn:${order.id}`,
      lines: earning.lines,
      base: earning.base,
    })
    return new StepResponse<EarnedOrderPoints | null, string | null>(
      { entry: transaction, balance, order_display_id: order.display_id ?? null },
      created ? transaction.id : null
    )
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    await loyaltyService(container).reverseEarned({
      earn_id: createdId,
      points: Number.MAX_SAFE_INTEGER,
      idempotency_key: `undo:${createdId}`,
      reason: "earning rolled back",
    })
  }
)
