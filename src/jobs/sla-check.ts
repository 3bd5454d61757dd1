import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkSlaBreachesWorkflow } from "../workflows/support"
import { checkpoint, jobSchedule } from "../utils/pause-point"

/** Flags support tickets whose SLA due times passed and tells the admins, every 15 minutes. */
export default async function slaCheckJob(container: MedusaContainer, context?: { scheduledFor?: Date }) {
  await checkpoint(container, "job:sla-check", context?.scheduledFor)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await checkSlaBreachesWorkflow(container).run()
  if (result.flagged) {
    logger.info(`medusa-aftersales: sla-check flagged ${result.flagged} ticket(s)`)
  }
}

export const config = {
  name: "aftersales-sla-check",
  schedule: jobSchedule("*/15 * * * *"),
}
