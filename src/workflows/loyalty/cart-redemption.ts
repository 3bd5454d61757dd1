import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { valueOfPoints } from "../../modules/loyalty_points/points-math"
import { AftersalesEvents } from "../../types/events"
import { appliedPoints, CartCreditLine, loyaltyCreditLines, redemptionLimits } from "./redemption"
import { loyaltyService, loyaltySettings } from "./utils"

/** The cart as `completeCartWorkflow`'s `validate` hook hands it over. */
export type CartBeingCompleted = {
  id: string
  currency_code: string
  total: number | string
  customer?: { id: string } | null
  credit_lines?: (CartCreditLine | null)[] | null
}

/** What the compensation needs: the redemption this completion wrote, if any. */
export type CartPointsCompensation = { redemption_id: string } | null

/**
 * Debits the points a cart's credit line carries, inside cart completion. The account row is
 * locked for the debit, so two carts of one customer completing at once cannot both spend the
 * same points: the second fails with NOT_ALLOWED and its order is not placed. The credit must
 * still be what the points buy today and within the limits: a cart refresh keeps it so
 * (`revalueCartPoints`), and a credit no refresh re-valued is refused, never paid.
 * A retried completion finds its live redemption and debits nothing.
 */
export async function redeemCartPoints(
  cart: CartBeingCompleted,
  { container, eventGroupId }: { container: MedusaContainer; eventGroupId?: string }
): Promise<CartPointsCompensation> {
  const lines = loyaltyCreditLines(cart.credit_lines)
  if (!lines.length) {
    return null
  }
  const customerId = cart.customer?.id
  if (!customerId || lines.some((l) => l.reference_id !== customerId)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The points applied to cart ${cart.id} belong to another customer; remove them first.`
    )
  }
  const settings = await loyaltySettings(container)
  const service = loyaltyService(container)
  const { points, amount } = appliedPoints(lines)
  const limits = redemptionLimits({
    cartTotal: cart.total,
    currencyCode: cart.currency_code,
    balance: Number.MAX_SAFE_INTEGER,
    applied: lines,
    settings,
  })
  if (!limits.point_value) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Points cannot be redeemed in ${cart.currency_code.toUpperCase()}: remove them from cart ${cart.id}.`
    )
  }
  // The credit is what the shopper saw and what the payment was authorized for: if the point
  // value or the cart changed since and no refresh re-valued it, the order is refused rather
  // than paid with a credit the points no longer buy (or a larger share than allowed).
  const worth = valueOfPoints(points, limits.point_value)
  if (
    !Number.isInteger(points) ||
    points <= 0 ||
    points < limits.min_points ||
    points > limits.max_points ||
    !MathBN.eq(amount, worth)
  ) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cart ${cart.id} changed after points were applied: its credit of ${MathBN.convert(amount).toNumber()} for ${points} points should be ${worth.numeric} and at most ${limits.max_points} points are allowed now. Apply them again.`
    )
  }
  const { transaction, created } = await service.redeemForCart({
    customer_id: customerId,
    cart_id: cart.id,
    points,
    amount: MathBN.convert(amount).toNumber(),
    currency_code: cart.currency_code,
  })
  if (!created) {
    return null
  }
  // Grouped with the workflow's events: released only if the order is placed.
  await container.resolve(Modules.EVENT_BUS).emit(
    {
      name: AftersalesEvents.POINTS_REDEEMED,
      data: { id: transaction.id, customer_id: customerId, points, cart_id: cart.id },
      metadata: eventGroupId ? { eventGroupId } : undefined,
    }
  )
  return { redemption_id: transaction.id }
}

/** Gives back the points of a completion that failed after the debit. */
export async function refundCartPoints(
  data: CartPointsCompensation | undefined,
  { container }: { container: MedusaContainer }
): Promise<void> {
  if (!data) {
    return
  }
  await loyaltyService(container).refundRedemption({
    redemption_id: data.redemption_id,
    idempotency_key: `void:${data.redemption_id}`,
    reason: "cart completion failed",
  })
}
