import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { IAftersalesSettingsModuleService, ReturnSettings } from "../../types/settings"
import { evaluateLine, LineOptions, RuleEnvironment, RuleLine, RuleOrder } from "../../modules/return_rules/rules"
import { AftersalesModules } from "../../types/modules"

/**
 * The container key of `@medusajs/loyalty-plugin`'s store-credit module. Store credit is only
 * offered when a store runs it; this plugin never issues credit of its own.
 */
export const STORE_CREDIT_MODULE_KEY = "store_credit"

const ORDER_FIELDS = [
  "id",
  "customer_id",
  "email",
  "currency_code",
  "region_id",
  "sales_channel_id",
  "status",
  "canceled_at",
  "created_at",
  "customer.metadata",
  "items.id",
  "items.title",
  "items.quantity",
  "items.unit_price",
  "items.variant_id",
  // The ordered quantity lives on the order item (detail): `items.quantity` alone comes back empty.
  "items.detail.quantity",
  "items.detail.fulfilled_quantity",
  "items.detail.return_requested_quantity",
  "items.detail.return_received_quantity",
  "items.detail.return_dismissed_quantity",
  "items.detail.written_off_quantity",
  "items.product.type_id",
  "items.product.collection_id",
  "items.product.categories.id",
  "items.product.tags.id",
  "fulfillments.id",
  "fulfillments.created_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.items.line_item_id",
]

/** An order as read for the return rules, with what the rules need and who owns it. */
export type ReturnContext = {
  order: RuleOrder & {
    customer_id: string | null
    email: string | null
    region_id: string | null
    sales_channel_id: string | null
    customer_metadata: Record<string, unknown> | null
  }
  settings: ReturnSettings
  env: RuleEnvironment
  lines: LineOptions[]
}

/**
 * Reads an order, its fulfilments and products, and the return settings, and evaluates every
 * line. Nothing here is stored: the Order module stays the only truth about the order.
 */
export async function loadReturnContext(
  container: MedusaContainer,
  orderId: string,
  now: Date = new Date()
): Promise<ReturnContext> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
  const settingsService: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
  const { returns: settings } = await settingsService.getSettings()
  const env: RuleEnvironment = {
    now,
    store_credit_available: container.hasRegistration(STORE_CREDIT_MODULE_KEY),
  }

  const fulfillments = (order.fulfillments ?? []).filter((f: any) => f && !f.canceled_at)
  const lines: RuleLine[] = (order.items ?? []).filter(Boolean).map((item: any) => {
    const detail = item.detail ?? {}
    const fulfilled = toNumber(detail.fulfilled_quantity)
    const taken = MathBN.add(
      detail.return_requested_quantity ?? 0,
      detail.return_received_quantity ?? 0,
      detail.return_dismissed_quantity ?? 0,
      detail.written_off_quantity ?? 0
    )
    const holding = fulfillments.filter((f: any) =>
      (f.items ?? []).some((fi: any) => fi?.line_item_id === item.id)
    )
    const product = item.product
    return {
      id: item.id,
      title: item.title,
      quantity: toNumber(item.quantity ?? detail.quantity),
      fulfilled_quantity: fulfilled,
      returnable_quantity: Math.max(0, MathBN.sub(fulfilled, taken).toNumber()),
      returned_quantity: taken.toNumber(),
      unit_price: item.unit_price,
      product: product
        ? {
            type_id: product.type_id,
            collection_id: product.collection_id,
            category_ids: (product.categories ?? []).map((c: any) => c.id),
            tag_ids: (product.tags ?? []).map((t: any) => t.id),
          }
        : null,
      delivered_at: latest(holding.map((f: any) => f.delivered_at)),
      fulfilled_at: latest(holding.map((f: any) => f.shipped_at ?? f.created_at)),
    }
  })

  const ruleOrder = {
    id: order.id,
    currency_code: order.currency_code,
    created_at: new Date(order.created_at as any),
    canceled: !!order.canceled_at || order.status === "canceled",
    lines,
    customer_id: order.customer_id ?? null,
    email: order.email ?? null,
    region_id: order.region_id ?? null,
    sales_channel_id: order.sales_channel_id ?? null,
    customer_metadata: (order.customer?.metadata as Record<string, unknown>) ?? null,
  }
  return {
    order: ruleOrder,
    settings,
    env,
    lines: lines.map((l) => evaluateLine(l, ruleOrder, settings, env)),
  }
}

function toNumber(value: unknown): number {
  return MathBN.convert((value ?? 0) as any).toNumber()
}

function latest(dates: (string | Date | null | undefined)[]): Date | null {
  const times = dates.filter(Boolean).map((d) => new Date(d as any).getTime())
  return times.length ? new Date(Math.max(...times)) : null
}
