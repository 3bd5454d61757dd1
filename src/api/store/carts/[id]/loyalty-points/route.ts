import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { StoreCartLoyaltyPointsResponse } from "../../../../../types/http/loyalty"
import {
  applyLoyaltyPointsToCartWorkflow,
  CART_REDEMPTION_FIELDS,
  removeLoyaltyPointsFromCartWorkflow,
} from "../../../../../workflows/loyalty"
import { loyaltyAccountView } from "../../../../../workflows/loyalty/account-view"
import { computeOrderEarning, EARNING_FIELDS, OrderForEarning } from "../../../../../workflows/loyalty/earning"
import { appliedPoints, loyaltyCreditLines, redemptionLimits } from "../../../../../workflows/loyalty/redemption"
import { loyaltySettings } from "../../../../../workflows/loyalty/utils"
import { StoreApplyCartLoyaltyPointsType } from "./validators"

/**
 * The preview a checkout shows: balance, what the cart earns, the most that can be redeemed
 * and what is applied now. Another shopper's cart is "not found".
 */
async function preview(
  container: MedusaContainer,
  cartId: string,
  customerId: string
): Promise<StoreCartLoyaltyPointsResponse> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: [...CART_REDEMPTION_FIELDS, ...EARNING_FIELDS],
    filters: { id: cartId },
  })
  if (!cart || cart.customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cartId} was not found`)
  }
  const [settings, account] = await Promise.all([
    loyaltySettings(container),
    loyaltyAccountView(container, customerId),
  ])
  const applied = loyaltyCreditLines(cart.credit_lines)
  const limits = redemptionLimits({
    cartTotal: cart.total,
    currencyCode: cart.currency_code,
    balance: account.balance,
    applied,
    settings,
  })
  const { points, amount } = appliedPoints(applied)
  // The order earns on the same totals with the same rules: the preview cannot promise more.
  const earning = computeOrderEarning(cart as unknown as OrderForEarning, settings, account.earned_12_months)
  return {
    loyalty_points: {
      cart_id: cart.id,
      currency_code: cart.currency_code,
      balance: account.balance,
      earnable: earning.points,
      point_value: limits.point_value,
      min_points: limits.min_points,
      max_points: limits.max_points,
      applied_points: points,
      applied_amount: amount.toNumber(),
    },
  }
}

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreCartLoyaltyPointsResponse>
) => {
  res.json(await preview(req.scope, req.params.id, req.auth_context.actor_id))
}

/** Applies `{ points }` or `{ max: true }` to the cart as a credit line. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreApplyCartLoyaltyPointsType>,
  res: MedusaResponse<StoreCartLoyaltyPointsResponse>
) => {
  await applyLoyaltyPointsToCartWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      points: req.validatedBody.points,
      max: req.validatedBody.max,
    },
  })
  res.json(await preview(req.scope, req.params.id, req.auth_context.actor_id))
}

/** Removes the points credit from the cart. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreCartLoyaltyPointsResponse>
) => {
  await removeLoyaltyPointsFromCartWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  res.json(await preview(req.scope, req.params.id, req.auth_context.actor_id))
}
