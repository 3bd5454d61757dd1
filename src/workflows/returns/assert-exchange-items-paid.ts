import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, PaymentCollectionStatus } from "@medusajs/framework/utils"
import ReturnRulesModuleService from "../../modules/return_rules/service"
import { AftersalesModules } from "../../types/modules"
import { getOrderAmountDue } from "./order-amount-due"

/**
 * Throws NOT_ALLOWED when a fulfilment sends out new items of a shopper's dearer exchange whose
 * payment collection is not paid while the order still owes money: it ships once the difference
 * is paid — by the shopper (`POST /store/orders/:id/exchange-payment`) or marked paid by the
 * merchant on the payment collection. Other fulfilments pass untouched.
 */
export async function assertExchangeItemsPaid(container: MedusaContainer, fulfillmentId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [fulfillment],
  } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "items.line_item_id", "order.id"],
    filters: { id: fulfillmentId },
  })
  const orderId: string | undefined = fulfillment?.order?.id
  const lineIds = new Set(
    ((fulfillment?.items ?? []) as { line_item_id?: string | null }[]).map((i) => i?.line_item_id).filter(Boolean)
  )
  if (!orderId || !lineIds.size) {
    return
  }
  const service: ReturnRulesModuleService = container.resolve(AftersalesModules.RETURN_RULES)
  // Only dearer exchanges carry a payment collection: cheaper and even ones ship at once.
  const requests = (await service.listReturnRequests({ order_id: orderId, resolution: "exchange" })).filter(
    (r) => r.exchange_id && r.payment_collection_id
  )
  if (!requests.length) {
    return
  }
  const [{ data: exchanges }, { data: collections }] = await Promise.all([
    query.graph({
      entity: "order_exchange",
      fields: ["id", "canceled_at", "additional_items.item_id"],
      filters: { id: requests.map((r) => r.exchange_id as string) },
    }),
    query.graph({
      entity: "payment_collection",
      fields: ["id", "status"],
      filters: { id: requests.map((r) => r.payment_collection_id as string) },
    }),
  ])
  const paid = new Set(
    (collections as { id: string; status: string }[])
      .filter((c) => c.status === PaymentCollectionStatus.COMPLETED)
      .map((c) => c.id)
  )
  const unpaid = requests.filter((r) => !paid.has(r.payment_collection_id as string)).map((r) => r.exchange_id)
  const shipped = (exchanges as { id: string; canceled_at?: unknown; additional_items?: { item_id: string }[] }[]).find(
    (e) =>
      unpaid.includes(e.id) &&
      !e.canceled_at &&
      (e.additional_items ?? []).some((i) => lineIds.has(i?.item_id))
  )
  if (!shipped) {
    return
  }
  // Paid another way (the merchant marked the order's current collection paid): nothing owed.
  const due = await getOrderAmountDue(container, orderId)
  if (due.amount_due > 0) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Exchange ${shipped.id} cannot be fulfilled yet: its difference is not paid (order ${orderId} owes ${due.amount_due} ${due.currency_code.toUpperCase()}). Fulfil its new items once the shopper has paid.`
    )
  }
}
