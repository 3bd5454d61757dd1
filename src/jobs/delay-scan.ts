import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { IAftersalesSettingsModuleService } from "../types/settings"
import { AftersalesModules } from "../types/modules"
import { runDelayScan } from "../workflows/delays"
import { checkpoint, jobSchedule } from "../utils/pause-point"

/**
 * Finds late orders and contacts their customers: records the incidents first, then announces
 * every one recorded but not yet announced (also those a crashed run left), see `runDelayScan`. The cron wakes every minute and scans on
 * the minutes that are a multiple of the `delays.scan_every_minutes` setting, so the merchant
 * changes the pace in the admin without a restart. The scan reads state, not the time since
 * the last run: a missed run loses nothing.
 */
export default async function delayScanJob(container: MedusaContainer, context?: { scheduledFor?: Date }) {
  await checkpoint(container, "job:delay-scan", context?.scheduledFor)
  const settings: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
  const { delays } = await settings.getSettings()
  const minute = Math.floor(Date.now() / 60_000)
  if (!delays.enabled || minute % delays.scan_every_minutes !== 0) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = await runDelayScan(container)
  if (result.late || result.announced || result.failed) {
    logger.info(
      `medusa-aftersales: delay-scan found ${result.late} late order(s), announced ${result.announced} delay(s), opened ${result.tickets_opened} ticket(s), ${result.failed} failed`
    )
  }
}

export const config = {
  name: "aftersales-delay-scan",
  schedule: jobSchedule("* * * * *"),
}
