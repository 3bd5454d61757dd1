import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createCollectionsWorkflow,
  createCustomerAccountWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createProductTypesWorkflow,
  createReturnReasonsWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  CommerceFixture,
  createCommerceFixture,
  ProductSpec,
} from "../../../integration-tests/helpers/commerce"
import { updateAftersalesSettingsWorkflow } from "medusa-aftersales/workflows"
import { seedLoyalty } from "./seed-loyalty"
import { SeededOrder, seedSupport } from "./seed-support"

/** Every demo shopper logs in with this password. */
export const DEMO_CUSTOMER_PASSWORD = "supersecret"

const DAY = 24 * 60 * 60 * 1000

/**
 * Seeds a believable Turkish/European store the first time and does nothing after that (data
 * is kept between `npm run demo` runs). Always prints one `DEMO_INFO {...}` line that the demo
 * script reads: the publishable key and the shoppers' logins.
 */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id"],
    filters: { name: "Türkiye" },
  })
  if (!regions.length) {
    logger.info("Seeding the demo store…")
    await seedStore(container)
    logger.info("Demo store seeded.")
  }

  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["token", "title"],
    // Medusa's own migration makes a key for the empty default channel; ours sells the catalogue.
    filters: { type: "publishable", title: "Storefront" },
  })
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["email", "first_name", "last_name"],
    filters: { has_account: true },
  })
  process.stdout.write(
    `DEMO_INFO ${JSON.stringify({
      publishable_key: keys[0]?.token,
      customers: customers.map((c) => c.email),
      customer_password: DEMO_CUSTOMER_PASSWORD,
    })}\n`
  )
}

async function seedStore(container: MedusaContainer) {
  const {
    result: [home, bath, apparel],
  } = await createCollectionsWorkflow(container).run({
    input: {
      collections: [
        { title: "Home & Kitchen", handle: "home-kitchen" },
        { title: "Hammam & Bath", handle: "hammam-bath" },
        { title: "Apparel", handle: "apparel" },
      ],
    },
  })
  const {
    result: [textile, ceramic, food],
  } = await createProductTypesWorkflow(container).run({
    input: { product_types: [{ value: "Textile" }, { value: "Ceramic" }, { value: "Food" }] },
  })

  const size = (eur: number, tl: number, values = ["S", "M", "L"]) =>
    values.map((value) => ({ value, eur, try: tl }))
  const catalogue: ProductSpec[] = [
    { title: "Linen shirt", handle: "linen-shirt", option: "Size", collection_id: apparel.id, type_id: textile.id, variants: size(59, 1990) },
    { title: "Silk scarf", handle: "silk-scarf", option: "Colour", collection_id: apparel.id, type_id: textile.id, variants: [{ value: "Indigo", eur: 45, try: 1490 }, { value: "Saffron", eur: 45, try: 1490 }] },
    { title: "Leather sandals", handle: "leather-sandals", option: "Size", collection_id: apparel.id, variants: size(79, 2690, ["38", "40", "42"]) },
    { title: "Peshtemal towel", handle: "peshtemal-towel", option: "Colour", collection_id: bath.id, type_id: textile.id, variants: [{ value: "Sea blue", eur: 25, try: 790 }, { value: "Sand", eur: 25, try: 790 }] },
    { title: "Hammam robe", handle: "hammam-robe", option: "Size", collection_id: bath.id, type_id: textile.id, variants: size(69, 2290, ["S/M", "L/XL"]) },
    { title: "Olive oil soap", handle: "olive-oil-soap", option: "Pack", collection_id: bath.id, variants: [{ value: "3 bars", eur: 12, try: 390 }, { value: "6 bars", eur: 21, try: 690 }] },
    { title: "Iznik mug", handle: "iznik-mug", option: "Pattern", collection_id: home.id, type_id: ceramic.id, variants: [{ value: "Tulip", eur: 22, try: 690 }, { value: "Carnation", eur: 22, try: 690 }] },
    { title: "Ceramic bowl", handle: "ceramic-bowl", option: "Size", collection_id: home.id, type_id: ceramic.id, variants: [{ value: "Small", eur: 18, try: 590 }, { value: "Large", eur: 32, try: 990 }] },
    { title: "Tea glass set", handle: "tea-glass-set", option: "Pieces", collection_id: home.id, variants: [{ value: "6", eur: 29, try: 890 }, { value: "12", eur: 49, try: 1590 }] },
    { title: "Copper cezve", handle: "copper-cezve", option: "Size", collection_id: home.id, variants: [{ value: "2 cups", eur: 35, try: 1190 }, { value: "4 cups", eur: 42, try: 1390 }] },
    { title: "Kilim cushion cover", handle: "kilim-cushion-cover", option: "Pattern", collection_id: home.id, type_id: textile.id, variants: [{ value: "Anatolia", eur: 39, try: 1290 }, { value: "Kars", eur: 39, try: 1290 }] },
    { title: "Turkish delight box", handle: "turkish-delight", description: "Food: final sale once opened.", option: "Flavour", collection_id: home.id, type_id: food.id, variants: [{ value: "Rose", eur: 15, try: 490 }, { value: "Pistachio", eur: 18, try: 590 }] },
  ]
  const fixture = await createCommerceFixture(container, { catalogue })

  const shoppers = [
    { email: "ayse@example.com", first_name: "Ayşe", last_name: "Yılmaz", region: "tr" as const, locale: "tr" },
    { email: "mehmet@example.com", first_name: "Mehmet", last_name: "Demir", region: "tr" as const, locale: "tr" },
    { email: "anna@example.com", first_name: "Anna", last_name: "Berg", region: "eu" as const, locale: "en" },
    { email: "lucas@example.com", first_name: "Lucas", last_name: "Martin", region: "eu" as const, locale: "en" },
  ]
  const customers: Record<string, string> = {}
  for (const s of shoppers) {
    customers[s.email] = await createShopperAccount(container, s)
  }

  const v = (product: number, variant = 0) => fixture.products[product].variants[variant].id
  // Each order: who, what, and how far its story went, `days` ago.
  const orders: {
    email: string
    items: [string, number][]
    placedDaysAgo: number
    shippedDaysAgo?: number
    deliveredDaysAgo?: number
  }[] = [
    { email: "ayse@example.com", items: [[v(0, 1), 1], [v(3), 2]], placedDaysAgo: 50, shippedDaysAgo: 49, deliveredDaysAgo: 46 },
    { email: "ayse@example.com", items: [[v(6), 2], [v(11, 1), 1]], placedDaysAgo: 12, shippedDaysAgo: 11, deliveredDaysAgo: 8 },
    { email: "ayse@example.com", items: [[v(4, 1), 1]], placedDaysAgo: 4 },
    { email: "mehmet@example.com", items: [[v(9), 1], [v(8), 1]], placedDaysAgo: 20, shippedDaysAgo: 19, deliveredDaysAgo: 16 },
    { email: "mehmet@example.com", items: [[v(2, 2), 1]], placedDaysAgo: 9, shippedDaysAgo: 7 },
    { email: "anna@example.com", items: [[v(1), 1], [v(10), 2]], placedDaysAgo: 15, shippedDaysAgo: 14, deliveredDaysAgo: 10 },
    { email: "anna@example.com", items: [[v(7, 1), 2]], placedDaysAgo: 1 },
    { email: "lucas@example.com", items: [[v(0), 1], [v(5, 1), 1]], placedDaysAgo: 35, shippedDaysAgo: 34, deliveredDaysAgo: 31 },
  ]
  const placed: SeededOrder[] = []
  for (const o of orders) {
    const shopper = shoppers.find((s) => s.email === o.email)!
    const id = await placeDemoOrder(container, fixture, {
      customerId: customers[o.email],
      email: o.email,
      region: shopper.region,
      items: o.items,
      placedDaysAgo: o.placedDaysAgo,
      shippedDaysAgo: o.shippedDaysAgo,
      deliveredDaysAgo: o.deliveredDaysAgo,
    })
    placed.push({ id, email: o.email, placedDaysAgo: o.placedDaysAgo, shippedDaysAgo: o.shippedDaysAgo, deliveredDaysAgo: o.deliveredDaysAgo })
  }
  await createReturnReasonsWorkflow(container).run({
    input: {
      data: [
        { value: "damaged", label: "Arrived damaged" },
        { value: "wrong_size", label: "Wrong size" },
        { value: "changed_mind", label: "Changed my mind" },
      ],
    },
  })
  // Food is final sale; a change of mind earns an exchange or credit, not a refund.
  await updateAftersalesSettingsWorkflow(container).run({
    input: {
      returns: {
        overrides: [{ product_type_id: food.id, final_sale: true }],
        reasons: { changed_mind: "exchange_only" },
      },
    },
  })
  await seedLoyalty(container, { customers: Object.values(customers) })
  await seedSupport(container, { customers, orders: placed })
}

/** A shopper with a password login, as if they had signed up on the storefront. */
async function createShopperAccount(
  container: MedusaContainer,
  s: { email: string; first_name: string; last_name: string; locale: string }
) {
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", {
    body: { email: s.email, password: DEMO_CUSTOMER_PASSWORD },
  } as any)
  const { result } = await createCustomerAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity!.id,
      customerData: {
        email: s.email,
        first_name: s.first_name,
        last_name: s.last_name,
        metadata: { locale: s.locale },
      },
    },
  })
  return result.id
}

const ADDRESS = {
  tr: { first_name: "Ayşe", last_name: "Yılmaz", address_1: "İstiklal Cd. 10", city: "İstanbul", postal_code: "34430", country_code: "tr" },
  eu: { first_name: "Anna", last_name: "Berg", address_1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country_code: "de" },
}

/**
 * Places an order through the same workflows a storefront checkout runs, then ships and
 * delivers it, and moves its dates into the past so return windows and delays have a story.
 */
async function placeDemoOrder(
  container: MedusaContainer,
  fixture: CommerceFixture,
  o: {
    customerId: string
    email: string
    region: "eu" | "tr"
    items: [string, number][]
    placedDaysAgo: number
    shippedDaysAgo?: number
    deliveredDaysAgo?: number
  }
) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: fixture.regions[o.region],
      sales_channel_id: fixture.salesChannelId,
      customer_id: o.customerId,
      email: o.email,
      items: o.items.map(([variant_id, quantity]) => ({ variant_id, quantity })),
      shipping_address: ADDRESS[o.region],
      billing_address: ADDRESS[o.region],
    },
  })
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: [{ id: fixture.shippingOptionId }] },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
  })
  const {
    result: { id: orderId },
  } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  const at = (days: number) => new Date(Date.now() - days * DAY)
  await knex("order").where({ id: orderId }).update({ created_at: at(o.placedDaysAgo) })

  if (o.shippedDaysAgo === undefined) {
    return orderId
  }
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["items.*"], filters: { id: orderId } })
  const items = order.items!.map((i) => ({ id: i!.id, quantity: Number(i!.quantity) }))
  const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
    input: { order_id: orderId, items, location_id: fixture.stockLocationId },
  })
  await createOrderShipmentWorkflow(container).run({
    input: {
      order_id: orderId,
      fulfillment_id: fulfillment.id,
      items,
      labels: [
        {
          tracking_number: `TR${orderId.slice(-10)}`,
          tracking_url: "https://tracking.example.com",
          label_url: "https://labels.example.com",
        },
      ],
    },
  })
  const shippedAt = at(o.shippedDaysAgo)
  await knex("fulfillment")
    .where({ id: fulfillment.id })
    .update({ created_at: shippedAt, packed_at: shippedAt, shipped_at: shippedAt })

  if (o.deliveredDaysAgo !== undefined) {
    await markOrderFulfillmentAsDeliveredWorkflow(container).run({
      input: { orderId, fulfillmentId: fulfillment.id },
    })
    await knex("fulfillment").where({ id: fulfillment.id }).update({ delivered_at: at(o.deliveredDaysAgo) })
  }
  return orderId
}
