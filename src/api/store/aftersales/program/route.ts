import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IAftersalesSettingsModuleService } from "../../../../types/settings"
import { AftersalesModules } from "../../../../types/modules"
import { StoreAftersalesProgramResponse } from "../../../../types/http/settings"

/**
 * The public terms of the store's programme, for a storefront's "rewards" and "returns" pages.
 * Only what a shopper may read: no budgets, caps or policies of the gestures.
 */
export const GET = async (
  req: MedusaRequest,
  res: MedusaResponse<StoreAftersalesProgramResponse>
) => {
  const service: IAftersalesSettingsModuleService = req.scope.resolve(AftersalesModules.SETTINGS)
  const { loyalty, returns } = await service.getSettings()
  res.json({
    program: {
      loyalty: {
        enabled: loyalty.enabled,
        earn_rates: loyalty.earn_rates,
        point_values: loyalty.point_values,
        min_redeem_points: loyalty.min_redeem_points,
        max_redeem_share: loyalty.max_redeem_share,
        signup_bonus: loyalty.signup_bonus,
        birthday_bonus: loyalty.birthday_bonus,
        expiry_months: loyalty.expiry_months,
        pending_days: loyalty.pending_days,
        tiers: loyalty.tiers,
      },
      returns: { window_days: returns.window_days, window_start: returns.window_start },
    },
  })
}
