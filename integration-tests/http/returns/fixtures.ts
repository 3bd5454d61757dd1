import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createOrderFulfillmentWorkflow,
  createShippingOptionsWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"
import { createAdminUser } from "../../helpers/admin"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"

const DAY = 24 * 60 * 60 * 1000

/** A date `n` days before now. */
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY)

/**
 * Fulfils order lines with core's workflow, optionally marks the fulfilment delivered with
 * core's workflow, then moves its dates into the past through the Fulfillment module (the only
 * way to age a real fulfilment in a test).
 */
export async function fulfil(
  container: MedusaContainer,
  orderId: string,
  items: { id: string; quantity: number }[],
  dates: { shipped_days_ago?: number; delivered_days_ago?: number } = {}
): Promise<string> {
  const { result } = await createOrderFulfillmentWorkflow(container).run({
    input: { order_id: orderId, items },
  })
  if (dates.delivered_days_ago !== undefined) {
    await markOrderFulfillmentAsDeliveredWorkflow(container).run({
      input: { orderId, fulfillmentId: result.id },
    })
  }
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  await fulfillment.updateFulfillment(result.id, {
    ...(dates.shipped_days_ago !== undefined ? { shipped_at: daysAgo(dates.shipped_days_ago) } : {}),
    ...(dates.delivered_days_ago !== undefined ? { delivered_at: daysAgo(dates.delivered_days_ago) } : {}),
  })
  return result.id
}

/** A return shipping option in the fixture's service zone, for core's `POST /store/returns`. */
export async function createReturnShippingOption(container: MedusaContainer, fixture: CommerceFixture) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [outbound] = await fulfillment.listShippingOptions({ id: fixture.shippingOptionId })
  const {
    result: [option],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Return by post",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: outbound.service_zone_id,
        shipping_profile_id: fixture.shippingProfileId,
        type: { label: "Return", description: "Drop at a post office", code: "return" },
        prices: [
          { currency_code: "eur", amount: 0 },
          { currency_code: "try", amount: 0 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "true", operator: "eq" },
        ],
      },
    ],
  })
  return option.id
}

/** The order's lines by variant id, as the Store API shows them to its owner. */
export async function orderLines(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "created_at", "items.id", "items.variant_id", "items.unit_price", "items.quantity"],
    filters: { id: orderId },
  })
  return order
}

/** A line of the placed order, with the price it was sold at. */
export type OrderLine = { id: string; unit_price: number }

/**
 * The store the return-request specs start from: the commerce fixture, an admin, a shopper and
 * their placed order of 2 shirts S (50 eur) and 1 white mug (20 eur), not yet fulfilled.
 */
export async function placeReturnableOrder(container: MedusaContainer, api: any) {
  const fixture = await createCommerceFixture(container)
  const admin = await createAdminUser(container, api)
  const shopper = await createShopper(api, fixture.publishableKey)
  const placed = await placeOrder(api, fixture, shopper.headers, {
    items: [
      { variant_id: fixture.variants.shirt_s, quantity: 2 },
      { variant_id: fixture.variants.mug_white, quantity: 1 },
    ],
  })
  const read = await orderLines(container, placed.id)
  const lineOf = (variantId: string): OrderLine => {
    const item = read.items.find((i: any) => i.variant_id === variantId)
    return { id: item.id, unit_price: Number(item.unit_price) }
  }
  return {
    fixture,
    admin,
    shopper,
    order: { id: placed.id as string, created_at: new Date(read.created_at).toISOString() },
    shirt: lineOf(fixture.variants.shirt_s),
    mug: lineOf(fixture.variants.mug_white),
  }
}
