import { CreatePromotionDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GestureKind } from "../types"

export const createGesturePromotionStepId = "create-goodwill-gesture-promotion"

/** The coupon to create for a gesture. */
export type CreateGesturePromotionStepInput = {
  /** The gesture it belongs to (kept in the promotion's metadata). */
  gesture_id: string
  /** The customer who alone may use it (checked at checkout). */
  customer_id: string
  kind: GestureKind
  /**
   * What the coupon takes off at most, in `currency_code` (`couponValueOf`): the booked amount
   * (a percentage was turned into that share of the order it makes up for), tax included;
   * for free shipping the old order's shipping before tax.
   */
  amount: number
  currency_code: string
  /** The unique, random code. */
  code: string
  /** The coupon stops working then (the campaign ends). */
  expires_at: Date
}

/**
 * Creates the coupon as a real Medusa promotion: one use (`limit: 1`), in a campaign that ends
 * when the gesture expires, worth a fixed amount in the gesture's currency: the amount it was
 * booked at. Medusa's percentage promotions have no cap, so a percentage gesture becomes that
 * share of its order, once, in money, and free shipping becomes the old order's shipping
 * off the shipping methods; a fixed promotion never takes more than its value, and only
 * applies to carts in its currency. Compensation deletes the promotion and its campaign, so no coupon
 * exists without its gesture record.
 */
export const createGesturePromotionStep = createStep(
  createGesturePromotionStepId,
  async (input: CreateGesturePromotionStepInput, { container }) => {
    const promotions = container.resolve(Modules.PROMOTION)
    const data: CreatePromotionDTO = {
      code: input.code,
      type: "standard",
      status: "active",
      is_automatic: false,
      // The amount is what the shopper's total drops by, tax included (as booked from the
      // order's total); core applies this flag to item adjustments, not to shipping ones.
      is_tax_inclusive: true,
      limit: 1,
      metadata: { gesture_id: input.gesture_id, customer_id: input.customer_id },
      campaign: {
        name: `Goodwill gesture ${input.gesture_id}`,
        campaign_identifier: `gesture-${input.gesture_id}`,
        starts_at: new Date(),
        ends_at: input.expires_at,
      },
      application_method: applicationMethodOf(input),
    }
    const promotion = await promotions.createPromotions(data)
    return new StepResponse(
      { id: promotion.id },
      { promotion_id: promotion.id, campaign_id: promotion.campaign?.id ?? null }
    )
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const promotions = container.resolve(Modules.PROMOTION)
    await promotions.deletePromotions([data.promotion_id])
    if (data.campaign_id) {
      await promotions.deleteCampaigns([data.campaign_id])
    }
  }
)

function applicationMethodOf(
  input: CreateGesturePromotionStepInput
): CreatePromotionDTO["application_method"] {
  return {
    type: "fixed",
    target_type: input.kind === "free_shipping" ? "shipping_methods" : "order",
    // `across` spreads the one amount over the targets; `each` would give it per target.
    allocation: "across",
    value: input.amount,
    currency_code: input.currency_code,
  }
}
