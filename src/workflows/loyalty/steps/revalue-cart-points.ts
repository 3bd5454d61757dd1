import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CartForCredit, creditMatches, loyaltyCreditLines, revaluedCredit } from "../redemption"
import { LOYALTY_CREDIT_LINE_REFERENCE, loyaltySettings } from "../utils"

export const revalueCartPointsStepId = "revalue-cart-loyalty-points"

/** The cart whose points credit is brought up to date. */
export type RevalueCartPointsStepInput = {
  /** The cart. */
  cart_id: string
}

/** The loyalty credit lines as they were before a re-valuation changed them. */
export type CartPointsSnapshot = {
  updated: { id: string; amount: BigNumberInput; metadata: Record<string, unknown> | null }[]
  deleted: string[]
} | null

/** The cart module's generated credit line methods (absent from its public interface). */
type CreditLineService = {
  listCreditLines(
    filters: { cart_id: string; reference: string },
    config?: { select?: string[] }
  ): Promise<{ id: string }[]>
  updateCreditLines(
    data: { id: string; amount: BigNumberInput; metadata: Record<string, unknown> | null }[]
  ): Promise<unknown>
  softDeleteCreditLines(ids: string[]): Promise<unknown>
  restoreCreditLines(ids: string[]): Promise<unknown>
}

/**
 * Brings a cart's points credit in line with SPEC §10 after the cart changed (items, region,
 * currency, promotions, customer) or the point values did: re-valued at today's point value,
 * clamped to the share, removed when the cart may carry none. A cart without a points credit
 * costs one indexed read; the settings are read only when there is a credit to check.
 * Answers what it changed, for `restoreCartPoints`.
 */
export async function revalueCartPoints(
  cartId: string,
  { container }: { container: MedusaContainer }
): Promise<CartPointsSnapshot> {
  const cartModule = container.resolve(Modules.CART) as unknown as CreditLineService
  const present = await cartModule.listCreditLines(
    { cart_id: cartId, reference: LOYALTY_CREDIT_LINE_REFERENCE },
    { select: ["id"] }
  )
  if (!present.length) {
    return null
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [
    {
      data: [cart],
    },
    settings,
  ] = await Promise.all([
    query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "currency_code", "total", "items.id", "credit_lines.*"],
      filters: { id: cartId },
    }),
    loyaltySettings(container),
  ])
  if (!cart) {
    return null
  }
  const lines = loyaltyCreditLines((cart as CartForCredit).credit_lines)
  const target = revaluedCredit(cart as CartForCredit, settings)
  if (creditMatches(lines, target)) {
    return null
  }
  const [first, ...rest] = lines
  const keep = target ? first : null
  const remove = (target ? rest : lines).map((l) => l.id)
  const snapshot: NonNullable<CartPointsSnapshot> = {
    updated: keep
      ? [{ id: keep.id, amount: MathBN.convert(keep.amount).toNumber(), metadata: keep.metadata ?? null }]
      : [],
    deleted: remove,
  }
  if (keep && target) {
    await cartModule.updateCreditLines([
      {
        id: keep.id,
        amount: target.amount.numeric,
        metadata: { ...(keep.metadata ?? {}), points: target.points },
      },
    ])
  }
  if (remove.length) {
    await cartModule.softDeleteCreditLines(remove)
  }
  return snapshot
}

/** Puts back the credit lines a re-valuation changed (its workflow failed later on). */
export async function restoreCartPoints(
  data: CartPointsSnapshot | undefined,
  { container }: { container: MedusaContainer }
): Promise<void> {
  if (!data) {
    return
  }
  const cartModule = container.resolve(Modules.CART) as unknown as CreditLineService
  if (data.deleted.length) {
    await cartModule.restoreCreditLines(data.deleted)
  }
  if (data.updated.length) {
    await cartModule.updateCreditLines(data.updated)
  }
}

/**
 * Re-values a cart's points credit (see `revalueCartPoints`); for workflows that change what a
 * cart owes outside core's cart refresh, such as the store promotions route.
 */
export const revalueCartPointsStep = createStep(
  revalueCartPointsStepId,
  async (input: RevalueCartPointsStepInput, { container }) => {
    const snapshot = await revalueCartPoints(input.cart_id, { container })
    return new StepResponse(snapshot, snapshot)
  },
  async (snapshot, { container }) => {
    await restoreCartPoints(snapshot, { container })
  }
)
