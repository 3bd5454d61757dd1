import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkSlaBreachesWorkflow } from "../workflows/support"

/** Flags support tickets whose SLA due times passed and tells the admins, every 15 minutes. */
export default async function slaCheckJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await checkSlaBreachesWorkflow(container).run()
  if (result.flagged) {
    logger.info(`medusa-aftersales: sla-check flagged ${result.flagged} ticket(s)`)
  }
}

export const config = {
  name: "aftersales-sla-check",
  schedule: "*/15 * * * *",
}
