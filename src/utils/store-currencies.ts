import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Resolver = { resolve(key: string): any }

/**
 * The currencies the store sells in: its supported currencies (Store module) and the
 * currencies of its regions, lower-cased. A gesture, or a gesture policy, in any other
 * currency could never be spent at checkout.
 */
export async function storeCurrencies(container: Resolver): Promise<Set<string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: stores }, { data: regions }] = await Promise.all([
    query.graph({ entity: "store", fields: ["id", "supported_currencies.currency_code"] }),
    query.graph({ entity: "region", fields: ["id", "currency_code"] }),
  ])
  const codes = new Set<string>()
  for (const store of stores) {
    for (const c of store.supported_currencies ?? []) {
      if (c?.currency_code) {
        codes.add(c.currency_code.toLowerCase())
      }
    }
  }
  for (const region of regions) {
    if (region.currency_code) {
      codes.add(region.currency_code.toLowerCase())
    }
  }
  return codes
}
