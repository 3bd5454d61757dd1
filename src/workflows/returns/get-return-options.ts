import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, PaymentCollectionStatus } from "@medusajs/framework/utils"
import ReturnRulesModuleService from "../../modules/return_rules/service"
import { toAmount } from "../../modules/return_rules/rules"
import type { ReturnOptions, ReturnReasonOption, ReturnRequestSummary } from "../../types/http/returns"
import { AftersalesModules } from "../../types/modules"
import { loadReturnContext } from "./load-return-context"

/**
 * Everything about returning an order: each line's eligibility and resolutions, the store's
 * return reasons, and the requests made with their exchange or return outcome. Used by the
 * store route and by the admin order widget (`GET /admin/orders/:id/aftersales`).
 * Does not check who asks: callers make sure the order is theirs to see.
 */
export async function getReturnOptions(
  container: MedusaContainer,
  orderId: string,
  now: Date = new Date()
): Promise<ReturnOptions> {
  const context = await loadReturnContext(container, orderId, now)
  const [reasons, requests] = await Promise.all([
    listReturnReasons(container, context.settings.reasons),
    listReturnRequests(container, orderId),
  ])
  return {
    order_id: orderId,
    currency_code: context.order.currency_code,
    lines: context.lines,
    reasons,
    requests,
  }
}

async function listReturnReasons(
  container: MedusaContainer,
  rules: Record<string, "refund" | "exchange_only">
): Promise<ReturnReasonOption[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "return_reason",
    fields: ["id", "value", "label"],
  })
  return data.map((r: any) => ({
    id: r.id,
    value: r.value,
    label: r.label,
    refund_allowed: rules[r.value] !== "exchange_only",
  }))
}

/** The requests of an order, oldest first, each with its exchange or return as Medusa has it now. */
export async function listReturnRequests(
  container: MedusaContainer,
  orderId: string,
  ids?: string[]
): Promise<ReturnRequestSummary[]> {
  const service: ReturnRulesModuleService = container.resolve(AftersalesModules.RETURN_RULES)
  const records = await service.listReturnRequests(
    { order_id: orderId, ...(ids ? { id: ids } : {}) },
    { order: { created_at: "ASC" } }
  )
  if (!records.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const exchangeIds = records.map((r) => r.exchange_id).filter(Boolean) as string[]
  const returnIds = records.map((r) => r.return_id).filter(Boolean) as string[]
  const collectionIds = records.map((r) => r.payment_collection_id).filter(Boolean) as string[]
  const [exchanges, returns, collections] = await Promise.all([
    exchangeIds.length
      ? query.graph({
          entity: "order_exchange",
          fields: ["id", "difference_due", "canceled_at"],
          filters: { id: exchangeIds },
        })
      : { data: [] },
    returnIds.length
      ? query.graph({
          entity: "return",
          fields: ["id", "status", "refund_amount", "received_at", "canceled_at"],
          filters: { id: returnIds },
        })
      : { data: [] },
    collectionIds.length
      ? query.graph({
          entity: "payment_collection",
          fields: ["id", "amount", "currency_code", "status"],
          filters: { id: collectionIds },
        })
      : { data: [] },
  ])
  const collectionById = new Map(
    (collections.data as { id: string; amount: BigNumberInput; currency_code: string; status: string }[]).map(
      (c) => [c.id, c]
    )
  )
  const exchangeById = new Map((exchanges.data as any[]).map((e) => [e.id, e]))
  const returnById = new Map((returns.data as any[]).map((r) => [r.id, r]))

  return records.map((r) => {
    const exchange = r.exchange_id ? exchangeById.get(r.exchange_id) : null
    const ret = r.return_id ? returnById.get(r.return_id) : null
    const collection = r.payment_collection_id ? collectionById.get(r.payment_collection_id) : null
    return {
      id: r.id,
      order_id: r.order_id,
      resolution: r.resolution,
      keep_item: r.keep_item,
      items: r.items as unknown as ReturnRequestSummary["items"],
      exchange_items: (r.exchange_items as unknown as ReturnRequestSummary["exchange_items"]) ?? null,
      bonus_amount: r.bonus_amount == null ? null : toAmount(r.bonus_amount as any),
      currency_code: r.currency_code,
      created_at: new Date(r.created_at as any).toISOString(),
      exchange: exchange
        ? {
            id: exchange.id,
            difference_due: exchange.difference_due == null ? null : toAmount(exchange.difference_due),
            canceled_at: exchange.canceled_at ?? null,
          }
        : null,
      payment: collection
        ? {
            payment_collection_id: collection.id,
            amount: toAmount(collection.amount),
            currency_code: collection.currency_code,
            status: collection.status,
            paid: collection.status === PaymentCollectionStatus.COMPLETED,
          }
        : null,
      return: ret
        ? {
            id: ret.id,
            status: ret.status,
            refund_amount: ret.refund_amount == null ? null : toAmount(ret.refund_amount),
            received_at: ret.received_at ?? null,
            canceled_at: ret.canceled_at ?? null,
          }
        : null,
    }
  })
}
