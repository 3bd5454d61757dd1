import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Locale } from "../../../notifications/locale"
import { orderRecipients } from "../../notifications/recipients"

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
  /** False for a guest checkout: the message never sends them to an account. */
  has_account: boolean
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
  // The order's email (an admin may have corrected it) and the customer's one language.
  for (const [orderId, r] of await orderRecipients(container, orderIds)) {
    contexts.set(orderId, {
      order_id: orderId,
      display_id: r.order.display_id ?? null,
      customer_id: r.customer_id,
      email: r.email,
      currency_code: r.order.currency_code as string,
      locale: r.locale,
      has_account: r.has_account,
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
