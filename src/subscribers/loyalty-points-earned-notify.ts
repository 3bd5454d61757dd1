import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AftersalesEvents, PointsEarnedEventData } from "../types/events"
import { loyaltyService } from "../workflows/loyalty/utils"
import { notifySupportCustomerWorkflow } from "../workflows/support"

type PointsMessage = {
  points: number
  source: "order" | "birthday"
  order_display_id: number | null
  available_at: string | null
  balance: number
}

/**
 * What the message says. An order's earning carries it in the event (written as it was
 * credited, so the worker reads nothing per order); other credits (a birthday bonus) are read
 * back from the ledger. Null when there is nothing to tell (the entry is gone or credits none).
 */
async function pointsMessage(
  container: SubscriberArgs["container"],
  data: PointsEarnedEventData
): Promise<PointsMessage | null> {
  if (data.balance !== undefined && data.source) {
    return data.points > 0
      ? {
          points: data.points,
          source: data.source,
          order_display_id: data.order_display_id ?? null,
          available_at: data.available_at ?? null,
          balance: data.balance,
        }
      : null
  }
  const service = loyaltyService(container)
  const [entry] = await service.listLoyaltyTransactions({ id: data.id })
  if (!entry || entry.points <= 0) {
    return null
  }
  let displayId: number | null = null
  if (entry.order_id) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "display_id"],
      filters: { id: entry.order_id },
    })
    displayId = (orders[0]?.display_id as number | undefined) ?? null
  }
  const { balance } = await service.getAccountSummary(entry.customer_id)
  return {
    points: entry.points,
    source: entry.source === "birthday" ? "birthday" : "order",
    order_display_id: displayId,
    available_at:
      entry.status === "pending" && entry.available_at ? new Date(entry.available_at).toISOString() : null,
    balance,
  }
}

/**
 * Tells the customer what they earned (an order's points, a birthday bonus), once per ledger
 * entry: a redelivered event finds the message already sent under the same key.
 */
export default async function loyaltyPointsEarnedNotify({
  event: { data },
  container,
}: SubscriberArgs<PointsEarnedEventData>) {
  const message = await pointsMessage(container, data)
  if (!message) {
    return
  }
  await notifySupportCustomerWorkflow(container).run({
    input: {
      customer_id: data.customer_id,
      template: "aftersales.loyalty.points_earned",
      idempotency_key: `points-earned:${data.id}`,
      resource_id: data.id,
      resource_type: "loyalty_transaction",
      data: message,
    },
  })
}

export const config: SubscriberConfig = {
  event: AftersalesEvents.POINTS_EARNED,
  context: { subscriberId: "aftersales-loyalty-points-earned-notify" },
}
