import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Locale, resolveLocale } from "../../../notifications/locale"
import { CANCELABLE_ORDER_FIELDS, CancelableOrder } from "../cancel-availability"
import { ItemProgressRow } from "../item-progress"

export const loadDelayContextStepId = "load-delay-context"

/** The late order. */
export type LoadDelayContextStepInput = {
  /** The order whose promise broke. */
  order_id: string
}

/** Who to tell and in which language, and what the order's goods and cancel look like. */
export type DelayContext = {
  order_id: string
  display_id: number | null
  customer_id: string | null
  email: string | null
  currency_code: string
  locale: Locale
  /** The order's items with their fulfilled, shipped and delivered quantities. */
  items: ItemProgressRow[]
  /** The order's status and fulfilments, for whether a cancel is still possible. */
  order: CancelableOrder
}

/** The customer an order's delay goes to (see `recipientOf`). */
const CUSTOMER_FIELDS = ["customer_id", "customer.id", "customer.email", "customer.metadata"]

/**
 * Who is told about a late order. A deleted customer (the order still names its id, the
 * customer reads as missing) is treated as a guest: no ticket (no one to open it for), and
 * the message goes to the order's email.
 */
function recipientOf(order: {
  customer_id?: string | null
  email?: string | null
  customer?: { id?: string | null; email?: string | null } | null
}): { customer_id: string | null; email: string | null } {
  const customer = order.customer?.id ? order.customer : null
  return {
    customer_id: customer ? order.customer_id ?? null : null,
    email: customer?.email ?? order.email ?? null,
  }
}

/**
 * The customer, email and language of each order, in one query (a scan page loads its late
 * orders' contexts at once). Orders not found are absent from the map.
 */
export async function loadDelayContexts(
  container: MedusaContainer,
  orderIds: string[]
): Promise<Map<string, DelayContext>> {
  const contexts = new Map<string, DelayContext>()
  if (!orderIds.length) {
    return contexts
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "currency_code",
      ...CUSTOMER_FIELDS,
      ...CANCELABLE_ORDER_FIELDS,
      "items.id",
      "items.title",
      "items.subtitle",
      "items.quantity",
      "items.requires_shipping",
      "items.detail.quantity",
      "items.detail.fulfilled_quantity",
      "items.detail.shipped_quantity",
      "items.detail.delivered_quantity",
    ],
    filters: { id: orderIds },
  })
  for (const order of orders) {
    contexts.set(order.id, {
      order_id: order.id,
      display_id: order.display_id ?? null,
      ...recipientOf(order),
      currency_code: order.currency_code,
      locale: resolveLocale({
        metadata: (order.customer?.metadata as Record<string, unknown> | null) ?? null,
        currency_code: order.currency_code,
      }),
      items: (order.items ?? []) as unknown as ItemProgressRow[],
      order: order as unknown as CancelableOrder,
    })
  }
  return contexts
}

/** Loads the late order's customer, email and language (a guest order has no customer). */
export const loadDelayContextStep = createStep(
  loadDelayContextStepId,
  async (input: LoadDelayContextStepInput, { container }) => {
    const context = (await loadDelayContexts(container, [input.order_id])).get(input.order_id)
    if (!context) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${input.order_id} was not found`)
    }
    return new StepResponse<DelayContext>(context)
  }
)
