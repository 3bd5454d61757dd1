import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Locale, resolveLocale } from "../../../notifications/locale"

export const loadDelayContextStepId = "load-delay-context"

/** The late order. */
export type LoadDelayContextStepInput = {
  /** The order whose promise broke. */
  order_id: string
}

/** Who to tell and in which language. */
export type DelayContext = {
  order_id: string
  display_id: number | null
  customer_id: string | null
  email: string | null
  currency_code: string
  locale: Locale
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
    fields: ["id", "display_id", "email", "currency_code", "customer_id", "customer.email", "customer.metadata"],
    filters: { id: orderIds },
  })
  for (const order of orders) {
    contexts.set(order.id, {
      order_id: order.id,
      display_id: order.display_id ?? null,
      customer_id: order.customer_id ?? null,
      email: order.customer?.email ?? order.email ?? null,
      currency_code: order.currency_code,
      locale: resolveLocale({
        metadata: (order.customer?.metadata as Record<string, unknown> | null) ?? null,
        currency_code: order.currency_code,
      }),
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
