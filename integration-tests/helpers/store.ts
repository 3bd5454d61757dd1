import { MedusaContainer } from "@medusajs/framework/types"
import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { TEST_PASSWORD } from "./admin"

/** A sales channel and a publishable key linked to it: what every store request needs. */
export async function createPublishableKey(container: MedusaContainer) {
  const {
    result: [channel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }] },
  })
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: key.id, add: [channel.id] },
  })
  return { key: key.token, keyId: key.id, salesChannelId: channel.id }
}

/**
 * Signs a shopper up through the Store API exactly as a storefront does: register an
 * identity, create the customer with that token, log in again for a token bound to it.
 */
export async function createShopper(
  api: any,
  publishableKey: string,
  email = `shopper-${Math.random().toString(36).slice(2, 8)}@example.com`,
  extra: Record<string, unknown> = {}
): Promise<{ headers: Record<string, string>; customerId: string; email: string }> {
  const base = { "x-publishable-api-key": publishableKey }
  const {
    data: { token: registration },
  } = await api.post("/auth/customer/emailpass/register", { email, password: TEST_PASSWORD })
  const {
    data: { customer },
  } = await api.post(
    "/store/customers",
    { email, first_name: "Test", last_name: "Shopper", ...extra },
    { headers: { ...base, authorization: `Bearer ${registration}` } }
  )
  const {
    data: { token },
  } = await api.post("/auth/customer/emailpass", { email, password: TEST_PASSWORD })
  return {
    headers: { ...base, authorization: `Bearer ${token}` },
    customerId: customer.id,
    email,
  }
}
