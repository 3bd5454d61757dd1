import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * The `value` of each core return reason by id (the settings' reason rules are keyed by value).
 * An unknown id is a 400 that names it.
 */
export async function resolveReasonValues(
  container: MedusaContainer,
  ids: string[]
): Promise<Map<string, string>> {
  const values = new Map<string, string>()
  if (!ids.length) {
    return values
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "return_reason",
    fields: ["id", "value"],
    filters: { id: ids },
  })
  for (const r of data as any[]) {
    values.set(r.id, r.value)
  }
  const unknown = ids.find((id) => !values.has(id))
  if (unknown) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Return reason ${unknown} does not exist.`)
  }
  return values
}
