import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Locale, resolveLocale } from "../../../notifications/locale"

export const loadCustomerRecipientStepId = "load-aftersales-customer-recipient"

/** Who a shopper notification goes to. */
export type CustomerRecipient = { customer_id: string; email: string | null; locale: Locale }

/** The customer's email and language (from `metadata.locale`, else the order's currency). */
export const loadCustomerRecipientStep = createStep(
  loadCustomerRecipientStepId,
  async (input: { customer_id: string; currency_code?: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [customer],
    } = await query.graph({
      entity: "customer",
      fields: ["id", "email", "metadata"],
      filters: { id: input.customer_id },
    })
    return new StepResponse<CustomerRecipient>({
      customer_id: input.customer_id,
      email: customer?.email ?? null,
      locale: resolveLocale({
        metadata: customer?.metadata ?? null,
        currency_code: input.currency_code ?? null,
      }),
    })
  }
)
