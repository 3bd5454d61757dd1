import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  QueryContext,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  checkExchangeUnits,
  checkRequest,
  discountLines,
  PricedLine,
  Resolution,
} from "../../../modules/return_rules/rules"
import { Locale, resolveLocale } from "../../../notifications/locale"
import { loadReturnContext } from "../load-return-context"
import { resolveReasonValues } from "../resolve-reason-values"

export const validateReturnRequestStepId = "validate-return-request"

/** A shopper's request, as the store route received it. */
export type ReturnRequestInput = {
  /** The order to return from. */
  order_id: string
  /** The logged-in customer; must own the order. */
  customer_id: string
  /** Makes a replayed request answer the first one instead of creating a second. */
  idempotency_key: string
  /** Exchange, store credit or refund. */
  resolution: Resolution
  /** Order lines to return, with an optional core return reason. */
  items: { id: string; quantity: number; reason_id?: string | null }[]
  /** Exchange only: the variants the shopper wants instead. */
  exchange_items?: { variant_id: string; quantity: number }[]
}

/** What the checks decided: everything the rest of the workflow needs. */
export type ValidatedReturnRequest = {
  currency_code: string
  email: string | null
  locale: Locale
  keep_item: boolean
  returned_value: number
  /** Bonus actually taken off the new items (whole cents), or null. */
  bonus_amount: number | null
  /** New lines for the exchange; `unit_price` only when the bonus lowered it. */
  exchange_items: { variant_id: string; quantity: number; unit_price?: number }[]
}

/**
 * Checks a request against every return rule on the server — ownership, window, final sale,
 * quantities, reasons, store credit, exchange variants — and prices the exchange bonus. Throws
 * before anything is created; has nothing to compensate.
 */
export const validateReturnRequestStep = createStep(
  validateReturnRequestStepId,
  async (input: ReturnRequestInput, { container }) => {
    const context = await loadReturnContext(container, input.order_id)
    if (context.order.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
    }
    const reasonValues = await resolveReasonValues(
      container,
      input.items.map((i) => i.reason_id).filter(Boolean) as string[]
    )
    const checked = checkRequest(
      context.order,
      context.lines,
      {
        resolution: input.resolution,
        items: input.items.map((i) => ({
          id: i.id,
          quantity: i.quantity,
          reason_value: i.reason_id ? reasonValues.get(i.reason_id) : null,
        })),
      },
      context.settings,
      context.env
    )

    let exchangeItems: ValidatedReturnRequest["exchange_items"] = []
    let bonusAmount: number | null = null
    if (input.resolution === "exchange") {
      checkExchangeUnits(input.items, input.exchange_items ?? [])
      const priced = await priceExchangeItems(container, context.order, input.exchange_items ?? [])
      if (checked.bonus && checked.bonus.as === "difference" && checked.bonus.amount > 0) {
        const discounted = discountLines(priced, checked.bonus.amount)
        bonusAmount = discounted.applied
        exchangeItems = discounted.lines.map((l) => ({
          variant_id: l.variant_id,
          quantity: l.quantity,
          ...(l.discounted ? { unit_price: l.unit_price as number } : {}),
        }))
      } else {
        exchangeItems = priced.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity }))
      }
    }

    return new StepResponse<ValidatedReturnRequest>({
      currency_code: context.order.currency_code,
      email: context.order.email,
      locale: resolveLocale({
        metadata: context.order.customer_metadata,
        currency_code: context.order.currency_code,
      }),
      keep_item: checked.keep_item,
      returned_value: checked.returned_value,
      bonus_amount: bonusAmount,
      exchange_items: exchangeItems,
    })
  }
)

/**
 * The exchange's new variants at their price in the order's region and currency. Only
 * published products sold in the order's sales channel can be exchanged for.
 */
async function priceExchangeItems(
  container: MedusaContainer,
  order: { region_id: string | null; currency_code: string; sales_channel_id: string | null },
  items: { variant_id: string; quantity: number }[]
): Promise<PricedLine[]> {
  if (!items.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "An exchange needs exchange_items: the variants the shopper wants instead."
    )
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "variant",
    fields: ["id", "product.status", "product.sales_channels.id", "calculated_price.calculated_amount"],
    filters: { id: items.map((i) => i.variant_id) },
    context: {
      calculated_price: QueryContext({
        currency_code: order.currency_code,
        ...(order.region_id ? { region_id: order.region_id } : {}),
      }),
    },
  })
  const byId = new Map((data as any[]).map((v) => [v.id, v]))
  return items.map((item) => {
    const variant = byId.get(item.variant_id)
    const sold =
      variant?.product?.status === "published" &&
      (!order.sales_channel_id ||
        (variant.product.sales_channels ?? []).some((c: any) => c?.id === order.sales_channel_id))
    if (!variant || !sold) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Variant ${item.variant_id} is not for sale in this store.`
      )
    }
    const amount = variant.calculated_price?.calculated_amount
    if (amount == null) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Variant ${item.variant_id} has no price in ${order.currency_code}.`
      )
    }
    return { variant_id: item.variant_id, quantity: item.quantity, unit_price: amount }
  })
}
