import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Locale } from "../../../notifications/locale"
import { orderRecipients } from "../../notifications/recipients"
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
  /** False for a guest checkout: the message never sends them to an account. */
  has_account: boolean
  /** The order's items with their fulfilled, shipped and delivered quantities. */
  items: ItemProgressRow[]
  /** The order's status and fulfilments, for whether a cancel is still possible. */
  order: CancelableOrder
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
  const [recipients, { data: orders }] = await Promise.all([
    // The order's email (an admin may have corrected it) and the customer's one language.
    orderRecipients(container, orderIds),
    query.graph({
      entity: "order",
      fields: [
        "id",
        "customer.id",
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
    }),
  ])
  for (const order of orders) {
    const r = recipients.get(order.id)
    if (!r) {
      continue
    }
    contexts.set(order.id, {
      order_id: order.id,
      display_id: r.order.display_id ?? null,
      // A deleted customer (the order still names the id, the customer reads as missing) is
      // told as a guest is: at the order's email, and no ticket (no one to open it for).
      customer_id: order.customer?.id ? r.customer_id : null,
      email: r.email,
      currency_code: r.order.currency_code as string,
      locale: r.locale,
      has_account: r.has_account,
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
