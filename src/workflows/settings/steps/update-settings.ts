import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AftersalesSettingsPatch, IAftersalesSettingsModuleService } from "../../../types/settings"
import { AftersalesModules } from "../../../types/modules"

export const updateAftersalesSettingsStepId = "update-aftersales-settings"

/** The patch to merge, per section, into the stored settings, and who asks for it. */
export type UpdateAftersalesSettingsStepInput = AftersalesSettingsPatch & {
  /** The admin user changing the settings, recorded on each section the patch names. */
  updated_by?: string | null
}

/**
 * Merges a settings patch and saves it, recording who changed each section and when;
 * compensation puts back exactly what was stored before, with its record.
 */
export const updateAftersalesSettingsStep = createStep(
  updateAftersalesSettingsStepId,
  async ({ updated_by, ...patch }: UpdateAftersalesSettingsStepInput, { container }) => {
    const service: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
    const previous = {
      patch: await service.getStoredPatch(),
      audit: await service.getAudit(),
    }
    const settings = await service.updateSettings(patch, updated_by ?? null)
    return new StepResponse(settings, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
    await service.restoreStoredPatch(previous.patch, previous.audit)
  }
)
