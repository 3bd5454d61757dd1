import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { nextTierFor, tierFor } from "../../modules/loyalty_points/points-math"
import { LoyaltyTransactionDTO } from "../../modules/loyalty_points/types"
import { LoyaltyAccountView, LoyaltyTransactionView } from "../../types/http/loyalty"
import { loyaltyService, loyaltySettings } from "./utils"

const YEAR = 365 * 24 * 60 * 60 * 1000

/** A customer's account as the APIs show it: cached balance, tier and next expiry. */
export async function loyaltyAccountView(
  container: MedusaContainer,
  customerId: string
): Promise<LoyaltyAccountView> {
  const service = loyaltyService(container)
  const [settings, summary, earned] = await Promise.all([
    loyaltySettings(container),
    service.getAccountSummary(customerId),
    service.earnedSince(customerId, new Date(Date.now() - YEAR)),
  ])
  const tier = tierFor(earned, settings.tiers)
  const next = nextTierFor(earned, settings.tiers)
  return {
    customer_id: customerId,
    balance: summary.balance,
    pending: summary.pending,
    tier: tier ? { name: tier.name, multiplier: tier.multiplier } : null,
    next_tier: next ? { name: next.name, points_needed: next.min_points - earned } : null,
    earned_12_months: earned,
    next_expiry: summary.next_expiry,
  }
}

/** A page of a customer's ledger, newest first. */
export async function loyaltyTransactionsPage(
  container: MedusaContainer,
  customerId: string,
  { limit, offset }: { limit: number; offset: number }
) {
  const [rows, count] = await loyaltyService(container).listAndCountLoyaltyTransactions(
    { customer_id: customerId },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } }
  )
  // The orders the page's entries name, in one read: the history says "order #12".
  const orderIds = [...new Set(rows.map((r) => r.order_id).filter((id): id is string => !!id))]
  const orders = new Map<string, { id: string; display_id: number }>()
  if (orderIds.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id"],
      filters: { id: orderIds },
    })
    for (const o of data as { id: string; display_id: number }[]) {
      orders.set(o.id, { id: o.id, display_id: o.display_id })
    }
  }
  return {
    transactions: rows.map((r) =>
      toTransactionView(r, r.order_id ? orders.get(r.order_id) ?? null : null)
    ),
    count,
    offset,
    limit,
  }
}

/**
 * The public fields of a ledger entry (no idempotency keys or lot allocations), with the order
 * it names when the caller read it.
 */
export function toTransactionView(
  t: LoyaltyTransactionDTO,
  order: LoyaltyTransactionView["order"] = null
): LoyaltyTransactionView {
  return {
    id: t.id,
    type: t.type,
    points: Number(t.points),
    status: t.status,
    remaining: Number(t.remaining),
    reason: t.reason,
    source: t.source,
    order_id: t.order_id,
    order,
    reference_id: t.reference_id,
    currency_code: t.currency_code,
    amount: t.amount == null ? null : Number(t.amount),
    rate: t.rate == null ? null : Number(t.rate),
    multiplier: t.multiplier == null ? null : Number(t.multiplier),
    available_at: t.available_at,
    expires_at: t.expires_at,
    created_at: t.created_at,
  }
}
