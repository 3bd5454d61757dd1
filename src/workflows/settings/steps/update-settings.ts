import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AftersalesSettingsService from "../../../modules/aftersales_settings/service"
import { AftersalesSettingsPatch } from "../../../modules/aftersales_settings/schemas"
import { AftersalesModules } from "../../../types/modules"

export const updateAftersalesSettingsStepId = "update-aftersales-settings"

/** The patch to merge, per section, into the stored settings. */
export type UpdateAftersalesSettingsStepInput = AftersalesSettingsPatch

/**
 * Merges a settings patch and saves it; compensation puts back exactly what was stored before.
 */
export const updateAftersalesSettingsStep = createStep(
  updateAftersalesSettingsStepId,
  async (input: UpdateAftersalesSettingsStepInput, { container }) => {
    const service: AftersalesSettingsService = container.resolve(AftersalesModules.SETTINGS)
    const previous = await service.getStoredPatch()
    const settings = await service.updateSettings(input)
    return new StepResponse(settings, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AftersalesSettingsService = container.resolve(AftersalesModules.SETTINGS)
    await service.restoreStoredPatch(previous)
  }
)
