import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createProductsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { createPublishableKey } from "./store"

/** What `createCommerceFixture` made: ids a test needs to shop and to look things up. */
export type CommerceFixture = {
  publishableKey: string
  salesChannelId: string
  regions: { eu: string; tr: string }
  shippingOptionId: string
  stockLocationId: string
  shippingProfileId: string
  /** Two products, each with two variants priced in eur and try. */
  products: { id: string; title: string; variants: { id: string; title: string }[] }[]
  /** `variants.shirt_s` etc.: the variant ids by short name. */
  variants: Record<"shirt_s" | "shirt_m" | "mug_white" | "mug_black", string>
}

/** A product to create: one option, a variant per value, prices in eur and try (major units). */
export type ProductSpec = {
  title: string
  handle?: string
  description?: string
  option: string
  collection_id?: string
  type_id?: string
  tag_ids?: string[]
  category_ids?: string[]
  variants: { value: string; eur: number; try: number; sku?: string; key?: string }[]
}

/** The two products every test shops from; `key` names them in `fixture.variants`. */
export const TEST_CATALOGUE: ProductSpec[] = [
  {
    title: "Linen shirt",
    option: "Size",
    variants: [
      { value: "S", eur: 50, try: 1500, key: "shirt_s" },
      { value: "M", eur: 50, try: 1500, key: "shirt_m" },
    ],
  },
  {
    title: "Iznik mug",
    option: "Colour",
    variants: [
      { value: "White", eur: 20, try: 600, key: "mug_white" },
      { value: "Black", eur: 20, try: 600, key: "mug_black" },
    ],
  },
]

/**
 * The smallest real store in which a shopper can check out: regions EU (eur) and TR (try, with
 * 20% VAT as tax region), a stock location served by the manual fulfilment provider, a flat
 * shipping option (10 eur / 300 try), two products with prices in both currencies, and a
 * publishable key linked to the sales channel. Everything through core workflows and modules.
 */
export async function createCommerceFixture(
  container: MedusaContainer,
  { catalogue = TEST_CATALOGUE }: { catalogue?: ProductSpec[] } = {}
): Promise<CommerceFixture> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const { key, salesChannelId } = await createPublishableKey(container)

  const {
    result: [eu, tr],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Europe",
          currency_code: "eur",
          countries: ["de", "fr", "nl"],
          payment_providers: ["pp_system_default"],
        },
        {
          name: "Türkiye",
          currency_code: "try",
          countries: ["tr"],
          payment_providers: ["pp_system_default"],
        },
      ],
    },
  })
  await createTaxRegionsWorkflow(container).run({
    input: [
      { country_code: "de", provider_id: "tp_system", default_tax_rate: { rate: 0, code: "zero", name: "No tax" } },
      { country_code: "tr", provider_id: "tp_system", default_tax_rate: { rate: 20, code: "kdv", name: "KDV" } },
    ],
  })

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Istanbul warehouse", address: { address_1: "Depo 1", city: "Istanbul", country_code: "tr" } }] },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannelId] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  const {
    result: [profile],
  } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default", type: "default" }] },
  })
  const set = await fulfillment.createFulfillmentSets({
    name: "Shipping from Istanbul",
    type: "shipping",
    service_zones: [
      {
        name: "Europe and Türkiye",
        geo_zones: ["de", "fr", "nl", "tr"].map((country_code) => ({
          type: "country" as const,
          country_code,
        })),
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
  })
  const {
    result: [option],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard delivery",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: set.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "2-4 days", code: "standard" },
        prices: [
          { currency_code: "eur", amount: 10 },
          { currency_code: "try", amount: 300 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: catalogue.map((p) => ({
        title: p.title,
        handle: p.handle,
        description: p.description,
        status: "published" as const,
        shipping_profile_id: profile.id,
        sales_channels: [{ id: salesChannelId }],
        collection_id: p.collection_id,
        type_id: p.type_id,
        tag_ids: p.tag_ids,
        category_ids: p.category_ids,
        options: [{ title: p.option, values: p.variants.map((v) => v.value) }],
        variants: p.variants.map((v) => ({
          title: `${p.title} ${v.value}`,
          sku: v.sku ?? `${p.title}-${v.value}`.toUpperCase().replace(/[^A-Z0-9]+/g, "-"),
          options: { [p.option]: v.value },
          manage_inventory: false,
          prices: [
            { currency_code: "eur", amount: v.eur },
            { currency_code: "try", amount: v.try },
          ],
        })),
      })),
    },
  })
  const variants: Record<string, string> = {}
  catalogue.forEach((spec, i) =>
    spec.variants.forEach((v) => {
      const made = products[i].variants.find((pv) => pv.title === `${spec.title} ${v.value}`)
      if (v.key && made) {
        variants[v.key] = made.id
      }
    })
  )

  return {
    publishableKey: key,
    salesChannelId,
    regions: { eu: eu.id, tr: tr.id },
    shippingOptionId: option.id,
    stockLocationId: location.id,
    shippingProfileId: profile.id,
    products: products.map((p) => ({
      id: p.id,
      title: p.title,
      variants: p.variants.map((v) => ({ id: v.id, title: v.title })),
    })),
    variants: variants as CommerceFixture["variants"],
  }
}

/** A cart line to buy. */
export type CartLine = { variant_id: string; quantity: number }

const ADDRESSES = {
  eu: { first_name: "Anna", last_name: "Berg", address_1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country_code: "de" },
  tr: { first_name: "Ayşe", last_name: "Yılmaz", address_1: "İstiklal Cd. 10", city: "İstanbul", postal_code: "34430", country_code: "tr" },
}

/**
 * Creates a cart the way a storefront does and makes it ready to complete: items, addresses,
 * the shipping method, a payment session with the system provider. `headers` carry the
 * publishable key and, for a logged-in shopper, the bearer token (the cart is then theirs).
 */
export async function prepareCart(
  api: any,
  fixture: CommerceFixture,
  headers: Record<string, string>,
  {
    items,
    region = "eu",
    email = "guest@example.com",
    promo_codes,
  }: { items: CartLine[]; region?: "eu" | "tr"; email?: string; promo_codes?: string[] }
): Promise<string> {
  const {
    data: { cart },
  } = await api.post(
    "/store/carts",
    { region_id: fixture.regions[region], items, sales_channel_id: fixture.salesChannelId },
    { headers }
  )
  const address = ADDRESSES[region]
  await api.post(
    `/store/carts/${cart.id}`,
    {
      ...(headers.authorization ? {} : { email }),
      shipping_address: address,
      billing_address: address,
      ...(promo_codes ? { promo_codes } : {}),
    },
    { headers }
  )
  await api.post(
    `/store/carts/${cart.id}/shipping-methods`,
    { option_id: fixture.shippingOptionId },
    { headers }
  )
  await addPaymentSession(api, cart.id, headers)
  return cart.id
}

/** Opens (or refreshes) the cart's payment collection with a session of the system provider. */
export async function addPaymentSession(api: any, cartId: string, headers: Record<string, string>) {
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    { headers }
  )
}

/** Completes a cart; answers core's body (`{ type: "order", order }` or `{ type: "cart", error }`). */
export async function completeCart(api: any, cartId: string, headers: Record<string, string>) {
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  return data
}

/** A whole checkout: prepare the cart and complete it. Answers the order; throws if none. */
export async function placeOrder(
  api: any,
  fixture: CommerceFixture,
  headers: Record<string, string>,
  options: Parameters<typeof prepareCart>[3]
) {
  const cartId = await prepareCart(api, fixture, headers, options)
  const result = await completeCart(api, cartId, headers)
  if (result.type !== "order") {
    throw new Error(`checkout did not place an order: ${JSON.stringify(result.error ?? result)}`)
  }
  return result.order
}
