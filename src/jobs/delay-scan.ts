import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import AftersalesSettingsService from "../modules/aftersales_settings/service"
import { AftersalesModules } from "../types/modules"
import { scanDelaysWorkflow } from "../workflows/delays"
import { checkpoint, jobSchedule } from "../utils/pause-point"

/**
 * Finds late orders and contacts their customers. The cron wakes every minute and scans on
 * the minutes that are a multiple of the `delays.scan_every_minutes` setting, so the merchant
 * changes the pace in the admin without a restart. The scan reads state, not the time since
 * the last run: a missed run loses nothing.
 */
export default async function delayScanJob(container: MedusaContainer, context?: { scheduledFor?: Date }) {
  await checkpoint(container, "job:delay-scan", context?.scheduledFor)
  const settings: AftersalesSettingsService = container.resolve(AftersalesModules.SETTINGS)
  const { delays } = await settings.getSettings()
  const minute = Math.floor(Date.now() / 60_000)
  if (!delays.enabled || minute % delays.scan_every_minutes !== 0) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await scanDelaysWorkflow(container).run({ input: {} })
  if (result.late) {
    logger.info(
      `medusa-aftersales: delay-scan found ${result.late} late order(s), opened ${result.tickets_opened} ticket(s)`
    )
  }
}

export const config = {
  name: "aftersales-delay-scan",
  schedule: jobSchedule("* * * * *"),
}
