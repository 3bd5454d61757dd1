import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { Locale, LOCALES } from "../../notifications/locale"

/** The key of customer metadata that keeps the language the plugin chose for a customer. */
export const CHOSEN_LOCALE_KEY = "aftersales_locale"

/**
 * What a message is about, which decides where it goes: an order matter (delay, return, a
 * ticket about an order) goes to the address on the order, which an admin may have corrected
 * after checkout; an account matter (points, birthday, a ticket with no order) to the
 * customer's own address.
 */
export type MessageSubject = "order" | "account"

/** Who a shopper message goes to, in which language, and whether they can use an account. */
export type Recipient = {
  customer_id: string | null
  email: string | null
  locale: Locale
  /** False for a guest checkout (and a deleted customer): the text never sends them to an account. */
  has_account: boolean
}

type CustomerRow = {
  id: string
  email?: string | null
  has_account?: boolean | null
  metadata?: Record<string, unknown> | null
}

type OrderRow = {
  id: string
  display_id?: number | null
  email?: string | null
  customer_id?: string | null
  locale?: string | null
  currency_code?: string | null
  created_at?: Date | string
}

function ours(value: unknown): Locale | null {
  const code = String(value ?? "").slice(0, 2).toLowerCase()
  return (LOCALES as readonly string[]).includes(code) ? (code as Locale) : null
}

/** An order's language: its own locale, else Turkish for a Turkish-lira order. */
function orderLocale(order: OrderRow | undefined): Locale | null {
  if (!order) {
    return null
  }
  return ours(order.locale) ?? (order.currency_code?.toLowerCase() === "try" ? "tr" : null)
}

/** The store's language: its first supported locale the plugin writes in, else English. */
async function storeLocale(container: MedusaContainer): Promise<Locale> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  try {
    const { data: stores } = await query.graph({
      entity: "store",
      fields: ["id", "supported_locales.locale_code"],
    })
    const codes = (stores[0]?.supported_locales ?? []) as ({ locale_code?: string } | null)[]
    for (const code of codes) {
      const locale = ours(code?.locale_code)
      if (locale) {
        return locale
      }
    }
  } catch {
    // A store without locales answers English.
  }
  return "en"
}

/**
 * One language per customer, for every message the plugin writes them: the storefront's
 * `metadata.locale`, else the language chosen the first time (kept in
 * `metadata.aftersales_locale`), else their first order's, else the store's. The first choice
 * is kept on the customer so a later order in another currency does not switch languages
 * (a TRY order used to get Turkish points messages and English ticket replies).
 * Customers not found (deleted) are absent from the map. `read`: the customers, with their
 * metadata, when the caller has just read them (one query less per message).
 */
export async function customerLocales(
  container: MedusaContainer,
  customerIds: string[],
  read?: CustomerRow[]
): Promise<Map<string, Locale>> {
  const ids = [...new Set(customerIds.filter(Boolean))]
  const locales = new Map<string, Locale>()
  if (!ids.length) {
    return locales
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customers =
    read ??
    ((await query.graph({
      entity: "customer",
      fields: ["id", "metadata"],
      filters: { id: ids },
    })) as { data: CustomerRow[] }).data
  const unchosen = customers.filter(
    (c) => !ours(c.metadata?.locale) && !ours(c.metadata?.[CHOSEN_LOCALE_KEY])
  )
  // One query for every unchosen customer (a delay scan asks for a page of orders at once),
  // oldest first: the first order seen of each customer is their first order.
  const firstOrders = new Map<string, OrderRow>()
  if (unchosen.length) {
    const { data: orders } = (await query.graph({
      entity: "order",
      fields: ["id", "customer_id", "locale", "currency_code", "created_at"],
      filters: { customer_id: unchosen.map((c) => c.id) },
      pagination: { order: { created_at: "ASC" } },
    })) as { data: OrderRow[] }
    for (const order of orders) {
      if (!firstOrders.has(order.customer_id as string)) {
        firstOrders.set(order.customer_id as string, order)
      }
    }
  }
  let fallback: Locale | null = null
  const customerModule = container.resolve(Modules.CUSTOMER)
  for (const customer of customers) {
    const kept = ours(customer.metadata?.locale) ?? ours(customer.metadata?.[CHOSEN_LOCALE_KEY])
    if (kept) {
      locales.set(customer.id, kept)
      continue
    }
    const chosen =
      orderLocale(firstOrders.get(customer.id)) ?? (fallback ??= await storeLocale(container))
    locales.set(customer.id, chosen)
    // Kept so the next message (about another order, or none) speaks the same language.
    await customerModule.updateCustomers(customer.id, {
      metadata: { ...(customer.metadata ?? {}), [CHOSEN_LOCALE_KEY]: chosen },
    })
  }
  return locales
}

/** The language of one customer (see `customerLocales`), or `fallback` when none is found. */
export async function customerLocale(
  container: MedusaContainer,
  customerId: string | null | undefined,
  fallback: Locale
): Promise<Locale> {
  if (!customerId) {
    return fallback
  }
  return (await customerLocales(container, [customerId])).get(customerId) ?? fallback
}

/**
 * Where each order's messages go: the order's own email (what the shopper typed, or what an
 * admin corrected it to), in its customer's one language; `has_account` false for a guest
 * checkout or a deleted customer. Orders not found are absent. Two queries for a whole page.
 */
export async function orderRecipients(
  container: MedusaContainer,
  orderIds: string[]
): Promise<Map<string, Recipient & { order: OrderRow }>> {
  const recipients = new Map<string, Recipient & { order: OrderRow }>()
  const ids = [...new Set(orderIds.filter(Boolean))]
  if (!ids.length) {
    return recipients
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = (await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "customer_id", "locale", "currency_code"],
    filters: { id: ids },
  })) as { data: OrderRow[] }
  const customerIds = orders.map((o) => o.customer_id).filter(Boolean) as string[]
  const { data: customers } = customerIds.length
    ? ((await query.graph({
        entity: "customer",
        fields: ["id", "email", "has_account", "metadata"],
        filters: { id: customerIds },
      })) as { data: CustomerRow[] })
    : { data: [] as CustomerRow[] }
  const byId = new Map(customers.map((c) => [c.id, c]))
  const locales = await customerLocales(container, [...byId.keys()], customers)
  for (const order of orders) {
    const customer = order.customer_id ? byId.get(order.customer_id) : undefined
    recipients.set(order.id, {
      order,
      customer_id: order.customer_id ?? null,
      email: order.email ?? customer?.email ?? null,
      locale:
        (customer && locales.get(customer.id)) ?? orderLocale(order) ?? (await storeLocale(container)),
      has_account: customer?.has_account === true,
    })
  }
  return recipients
}

/**
 * The recipient of one message to a customer: an order matter goes to the order's email, an
 * account matter to the customer's. A deleted customer gets nothing (email null).
 */
export async function messageRecipient(
  container: MedusaContainer,
  input: { customer_id: string; order_id?: string | null; about: MessageSubject }
): Promise<Recipient> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = (await query.graph({
    entity: "customer",
    fields: ["id", "email", "has_account", "metadata"],
    filters: { id: input.customer_id },
  })) as { data: CustomerRow[] }
  if (!customer) {
    return { customer_id: input.customer_id, email: null, locale: "en", has_account: false }
  }
  const order =
    input.about === "order" && input.order_id
      ? (await orderRecipients(container, [input.order_id])).get(input.order_id)
      : undefined
  const theirs = order && order.customer_id === customer.id ? order : undefined
  return {
    customer_id: customer.id,
    email: theirs ? theirs.email : (customer.email ?? null),
    // The order's recipient already carries the customer's language (and may have just kept it).
    locale:
      theirs?.locale ??
      (await customerLocales(container, [customer.id], [customer])).get(customer.id) ??
      "en",
    has_account: customer.has_account === true,
  }
}
