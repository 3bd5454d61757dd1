import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type {
  AftersalesSettings,
  IAftersalesSettingsModuleService,
  LoyaltySettings,
} from "../../types/settings"
import LoyaltyPointsService from "../../modules/loyalty_points/service"
import { AftersalesModules } from "../../types/modules"

/** The reference of the cart credit line that carries redeemed points. */
export const LOYALTY_CREDIT_LINE_REFERENCE = "loyalty_points"

/** All the settings in force (plugin options with the merchant's changes on top). */
export async function aftersalesSettings(container: MedusaContainer): Promise<AftersalesSettings> {
  const settings: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
  return settings.getSettings()
}

/** The `loyalty` settings in force. */
export async function loyaltySettings(container: MedusaContainer): Promise<LoyaltySettings> {
  return (await aftersalesSettings(container)).loyalty
}

/** The points module's service. */
export function loyaltyService(container: MedusaContainer): LoyaltyPointsService {
  return container.resolve(AftersalesModules.LOYALTY_POINTS)
}

/**
 * The ids among `customerIds` that belong to registered customers (`has_account`). Only they
 * earn or hold points (SPEC §10): core gives every guest checkout a customer without an
 * account, and a guest cannot log in to spend. One query for the whole list.
 */
export async function registeredCustomerIds(
  container: MedusaContainer,
  customerIds: string[]
): Promise<Set<string>> {
  const ids = [...new Set(customerIds.filter(Boolean))]
  if (!ids.length) {
    return new Set()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "has_account"],
    filters: { id: ids },
  })
  return new Set(
    (data as { id: string; has_account?: boolean | null }[])
      .filter((c) => c.has_account === true)
      .map((c) => c.id)
  )
}

/**
 * Refuses (NOT_ALLOWED, naming the customer) to credit points to a customer who is a guest
 * or does not exist: the one guard every crediting workflow runs before the ledger.
 */
export async function assertRegisteredCustomer(
  container: MedusaContainer,
  customerId: string
): Promise<void> {
  if (!(await registeredCustomerIds(container, [customerId])).has(customerId)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Customer ${customerId} has no account: only registered customers earn or hold loyalty points.`
    )
  }
}
