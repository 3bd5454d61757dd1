import { MedusaContainer } from "@medusajs/framework/types"
import AftersalesSettingsService from "../../modules/aftersales_settings/service"
import { LoyaltySettings } from "../../modules/aftersales_settings/schemas"
import LoyaltyPointsService from "../../modules/loyalty_points/service"
import { AftersalesModules } from "../../types/modules"

/** The reference of the cart credit line that carries redeemed points. */
export const LOYALTY_CREDIT_LINE_REFERENCE = "loyalty_points"

/** The `loyalty` settings in force (plugin options with the merchant's changes on top). */
export async function loyaltySettings(container: MedusaContainer): Promise<LoyaltySettings> {
  const settings: AftersalesSettingsService = container.resolve(AftersalesModules.SETTINGS)
  return (await settings.getSettings()).loyalty
}

/** The points module's service. */
export function loyaltyService(container: MedusaContainer): LoyaltyPointsService {
  return container.resolve(AftersalesModules.LOYALTY_POINTS)
}
