import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import AftersalesSettingsService from "../../../../modules/aftersales_settings/service"
import { AftersalesModules } from "../../../../types/modules"
import { AdminAftersalesSettingsResponse } from "../../../../types/http/settings"
import { updateAftersalesSettingsWorkflow } from "../../../../workflows/settings"
import { AdminUpdateAftersalesSettingsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAftersalesSettingsResponse>
) => {
  const service: AftersalesSettingsService = req.scope.resolve(AftersalesModules.SETTINGS)
  res.json({ settings: await service.getSettings() })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAftersalesSettingsType>,
  res: MedusaResponse<AdminAftersalesSettingsResponse>
) => {
  const { result } = await updateAftersalesSettingsWorkflow(req.scope).run({
    input: req.validatedBody,
  })
  res.json({ settings: result })
}
