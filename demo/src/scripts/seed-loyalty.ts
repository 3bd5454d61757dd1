import { MedusaContainer } from "@medusajs/framework/types"
import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  updateCustomersWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  addLoyaltyBonusPointsWorkflow,
  applyLoyaltyPointsToCartWorkflow,
  earnOrderPointsWorkflow,
  expirePointsWorkflow,
  recordLoyaltyBirthdayWorkflow,
  unlockPendingPointsWorkflow,
} from "medusa-aftersales/workflows"

const DAY = 24 * 60 * 60 * 1000
const LEDGER = "loyalty_points_transaction"

type DemoOrder = {
  id: string
  customer_id: string
  created_at: Date | string
  region_id: string
  sales_channel_id: string
  currency_code: string
  shipping_address?: Record<string, unknown> | null
  items?: { variant_id: string | null }[] | null
  shipping_methods?: { shipping_option_id: string | null }[] | null
}

/**
 * Gives the demo shoppers a believable points history, through the plugin's own workflows:
 * the welcome bonus when they signed up, points on every order (available for orders whose
 * return window closed, pending for the recent ones), a checkout paid partly with points, a
 * goodwill bonus about to expire (the reminder shows on the next expiry run), one that has
 * expired, and birthdays. Entries are dated back to when their story happened. Safe to run
 * twice: every credit has an idempotency key.
 *
 * `customers` are customer ids; `orders` their orders (found from the customers if omitted).
 */
export async function seedLoyalty(
  container: MedusaContainer,
  { customers, orders }: { customers: string[]; orders?: string[] }
) {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ago = (days: number) => new Date(Date.now() - days * DAY)
  if (!customers.length) {
    return
  }

  const { data: placed } = (await query.graph({
    entity: "order",
    fields: [
      "id",
      "customer_id",
      "created_at",
      "region_id",
      "sales_channel_id",
      "currency_code",
      "shipping_address.*",
      "items.variant_id",
      "shipping_methods.shipping_option_id",
    ],
    filters: orders?.length ? { id: orders } : { customer_id: customers },
  })) as { data: DemoOrder[] }
  const firstOrderAt = (customerId: string) =>
    Math.min(
      Date.now(),
      ...placed.filter((o) => o.customer_id === customerId).map((o) => new Date(o.created_at).getTime())
    )

  const { loyalty } = await container.resolve("aftersales_settings").getSettings()

  // The welcome bonus (the signup subscriber's key: credited once), dated before the first order.
  for (const customerId of loyalty.signup_bonus > 0 ? customers : []) {
    const { result: signup } = await addLoyaltyBonusPointsWorkflow(container).run({
      input: {
        customer_id: customerId,
        points: loyalty.signup_bonus,
        reason: "welcome bonus",
        idempotency_key: `signup:${customerId}`,
        source: "signup",
      },
    })
    const at = new Date(firstOrderAt(customerId) - 3 * DAY)
    await knex(LEDGER)
      .where({ id: signup.id })
      .update({ created_at: at, expires_at: lotExpiry(at, loyalty.expiry_months) })
  }

  // Points for every order, dated to the order: pending until its return window closes.
  for (const order of placed) {
    const { result: earn } = await earnOrderPointsWorkflow(container).run({ input: { order_id: order.id } })
    if (earn) {
      const at = new Date(order.created_at)
      await knex(LEDGER)
        .where({ id: earn.id, status: "pending" })
        .update({
          created_at: at,
          available_at: new Date(at.getTime() + loyalty.pending_days * DAY),
          expires_at: lotExpiry(at, loyalty.expiry_months),
        })
    }
  }
  // The return windows of the older orders have closed: their points become available.
  await unlockPendingPointsWorkflow(container).run({ input: {} })

  // The first shopper pays part of a new order with points, at checkout like a storefront.
  const [spender] = customers
  const model = placed.find((o) => o.customer_id === spender && o.items?.[0]?.variant_id)
  if (model) {
    await checkoutWithPoints(container, spender, model, 100)
  }

  // The second shopper got a goodwill bonus eleven months ago that expires in three weeks.
  const second = customers[1] ?? spender
  const { result: gesture } = await addLoyaltyBonusPointsWorkflow(container).run({
    input: {
      customer_id: second,
      points: 150,
      reason: "goodwill gesture: late delivery",
      idempotency_key: `demo-gesture:${second}`,
      source: "gesture",
    },
  })
  await knex(LEDGER)
    .where({ id: gesture.id })
    .update({ created_at: ago(344), expires_at: new Date(Date.now() + 21 * DAY) })

  // The last shopper let a small bonus lapse: the expiry job writes its `expire` entry.
  const last = customers[customers.length - 1]
  const { result: lapsed } = await addLoyaltyBonusPointsWorkflow(container).run({
    input: {
      customer_id: last,
      points: 50,
      reason: "review bonus",
      idempotency_key: `demo-review:${last}`,
      source: "bonus",
    },
  })
  await knex(LEDGER).where({ id: lapsed.id }).update({ created_at: ago(375), expires_at: ago(10) })
  await expirePointsWorkflow(container).run({ input: {} })

  // Birthdays on file, one of them today, so the `birthdays` job has someone to greet.
  const today = new Date().toISOString().slice(5, 10)
  const birthdays = [today, "03-21", "07-14", "11-30"]
  const { data: profiles } = await query.graph({
    entity: "customer",
    fields: ["id", "metadata"],
    filters: { id: customers },
  })
  for (const [i, customerId] of customers.entries()) {
    const metadata = profiles.find((c) => c.id === customerId)?.metadata ?? {}
    await updateCustomersWorkflow(container).run({
      input: {
        selector: { id: customerId },
        update: { metadata: { ...metadata, birthday: birthdays[i % birthdays.length] } },
      },
    })
    // The subscriber does the same on `customer.updated`; here it must be done before the end.
    await recordLoyaltyBirthdayWorkflow(container).run({ input: { customer_id: customerId } })
  }
}

/** When a lot credited at `at` expires (whole calendar months; 0 = never). */
function lotExpiry(at: Date, months: number): Date | null {
  if (months <= 0) {
    return null
  }
  const d = new Date(at.getTime())
  d.setUTCMonth(d.getUTCMonth() + months)
  return d
}

/** A checkout by `customerId` of the first item of `model`, paying `points` with points. */
async function checkoutWithPoints(container: MedusaContainer, customerId: string, model: DemoOrder, points: number) {
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: model.region_id,
      sales_channel_id: model.sales_channel_id,
      customer_id: customerId,
      items: [{ variant_id: model.items![0]!.variant_id!, quantity: 1 }],
      shipping_address: model.shipping_address ?? undefined,
      billing_address: model.shipping_address ?? undefined,
    },
  })
  const optionId = model.shipping_methods?.[0]?.shipping_option_id
  if (optionId) {
    await addShippingMethodToCartWorkflow(container).run({
      input: { cart_id: cart.id, options: [{ id: optionId }] },
    })
  }
  await applyLoyaltyPointsToCartWorkflow(container).run({
    input: { cart_id: cart.id, customer_id: customerId, points },
  })
  // The payment collection is made after the points, so it asks for what is left to pay.
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
  })
  const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  await earnOrderPointsWorkflow(container).run({ input: { order_id: result.id } })
}
