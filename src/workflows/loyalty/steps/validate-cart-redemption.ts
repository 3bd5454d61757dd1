import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { valueOfPoints } from "../../../modules/loyalty_points/points-math"
import { CartCreditLine, loyaltyCreditLines, redemptionLimits } from "../redemption"
import { loyaltyService, loyaltySettings } from "../utils"

export const validateCartRedemptionStepId = "validate-cart-loyalty-redemption"

/** The cart and what the shopper asked to redeem on it. */
export type ValidateCartRedemptionStepInput = {
  /** The cart (`id`, `customer_id`, `currency_code`, `total`, `completed_at`, `credit_lines`). */
  cart: {
    id: string
    customer_id?: string | null
    currency_code: string
    total: number | string
    completed_at?: Date | string | null
    items?: ({ id: string } | null)[] | null
    credit_lines?: (CartCreditLine | null)[] | null
  }
  /** The logged-in shopper; must own the cart. */
  customer_id: string
  /** Whole points to apply; ignored with `max`. */
  points?: number
  /** Apply as many points as the limits allow. */
  max?: boolean
}

/** What to write on the cart: the credit line to add and the old ones to remove. */
export type CartRedemption = {
  points: number
  amount: number
  remove_credit_line_ids: string[]
}

/**
 * Checks a redemption against SPEC §1: the shopper's own open cart, a currency with a point
 * value, at least the minimum, at most the balance and the share of the cart total. Answers
 * the credit to write; a new redemption replaces the cart's previous one.
 */
export const validateCartRedemptionStep = createStep(
  validateCartRedemptionStepId,
  async (input: ValidateCartRedemptionStepInput, { container }) => {
    const { cart } = input
    if (cart.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cart.id} was not found`)
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} is already completed.`)
    }
    // An empty cart carries no credit (SPEC §10): its shipping alone is not paid with points.
    if (!(cart.items ?? []).some(Boolean)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cart ${cart.id} has no items: points can be applied once it has some.`
      )
    }
    const settings = await loyaltySettings(container)
    if (!settings.enabled) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The loyalty programme is switched off.")
    }
    const applied = loyaltyCreditLines(cart.credit_lines)
    const { balance } = await loyaltyService(container).getAccountSummary(input.customer_id)
    const limits = redemptionLimits({
      cartTotal: cart.total,
      currencyCode: cart.currency_code,
      balance,
      applied,
      settings,
    })
    if (!limits.point_value) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Points cannot be redeemed in ${cart.currency_code.toUpperCase()}.`
      )
    }
    const points = input.max ? limits.max_points : input.points ?? 0
    if (points < limits.min_points || points <= 0) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `At least ${limits.min_points} points must be redeemed on cart ${cart.id}; ${points} asked, ${limits.max_points} allowed.`
      )
    }
    if (points > limits.max_points) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `At most ${limits.max_points} points can be redeemed on cart ${cart.id} (balance ${balance}).`
      )
    }
    const redemption: CartRedemption = {
      points,
      amount: valueOfPoints(points, limits.point_value).numeric,
      remove_credit_line_ids: applied.map((l) => l.id),
    }
    return new StepResponse(redemption)
  }
)
