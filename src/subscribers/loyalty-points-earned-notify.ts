import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AftersalesEvents } from "../types/events"
import { loyaltyService } from "../workflows/loyalty/utils"
import { notifySupportCustomerWorkflow } from "../workflows/support"

/**
 * Tells the customer what they earned (an order's points, a birthday bonus), once per ledger
 * entry: a redelivered event finds the message already sent under the same key.
 */
export default async function loyaltyPointsEarnedNotify({
  event: { data },
  container,
}: SubscriberArgs<{ id: string; customer_id: string; points: number; order_id?: string | null }>) {
  const service = loyaltyService(container)
  const [entry] = await service.listLoyaltyTransactions({ id: data.id })
  if (!entry || entry.points <= 0) {
    return
  }
  let order: { display_id?: number; currency_code?: string } | undefined
  if (entry.order_id) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "currency_code"],
      filters: { id: entry.order_id },
    })
    order = orders[0]
  }
  const { balance } = await service.getAccountSummary(entry.customer_id)
  await notifySupportCustomerWorkflow(container).run({
    input: {
      customer_id: entry.customer_id,
      template: "aftersales.loyalty.points_earned",
      idempotency_key: `points-earned:${entry.id}`,
      resource_id: entry.id,
      resource_type: "loyalty_transaction",
      data: {
        points: entry.points,
        source: entry.source === "birthday" ? "birthday" : "order",
        order_display_id: order?.display_id ?? null,
        available_at:
          entry.status === "pending" && entry.available_at
            ? new Date(entry.available_at).toISOString()
            : null,
        balance,
      },
    },
  })
}

export const config: SubscriberConfig = {
  event: AftersalesEvents.POINTS_EARNED,
  context: { subscriberId: "aftersales-loyalty-points-earned-notify" },
}
