import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IAftersalesSettingsModuleService } from "../../../../types/settings"
import { AftersalesModules } from "../../../../types/modules"
import { AdminAftersalesSettingsResponse } from "../../../../types/http/settings"
import { updateAftersalesSettingsWorkflow } from "../../../../workflows/settings"
import { assertGestureCurrenciesSold } from "./helpers"
import { AdminUpdateAftersalesSettingsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAftersalesSettingsResponse>
) => {
  const service: IAftersalesSettingsModuleService = req.scope.resolve(AftersalesModules.SETTINGS)
  res.json({ settings: await service.getSettings(), audit: await service.getAudit() })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAftersalesSettingsType>,
  res: MedusaResponse<AdminAftersalesSettingsResponse>
) => {
  const service: IAftersalesSettingsModuleService = req.scope.resolve(AftersalesModules.SETTINGS)
  await assertGestureCurrenciesSold(
    req.scope,
    req.validatedBody.gestures?.policies,
    (await service.getSettings()).gestures.policies
  )
  const { result } = await updateAftersalesSettingsWorkflow(req.scope).run({
    input: { ...req.validatedBody, updated_by: req.auth_context.actor_id },
  })
  res.json({ settings: result, audit: await service.getAudit() })
}
