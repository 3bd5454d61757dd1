import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { unlockPendingPointsWorkflow } from "../workflows/loyalty"
import { checkpoint, jobSchedule } from "../utils/pause-point"

/** Makes points available once the return window of their order has closed, hourly. */
export default async function pointsUnlockJob(container: MedusaContainer, context?: { scheduledFor?: Date }) {
  await checkpoint(container, "job:points-unlock", context?.scheduledFor)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await unlockPendingPointsWorkflow(container).run({ input: {} })
  if (result.entries) {
    logger.info(`medusa-aftersales: points-unlock made ${result.points} point(s) available for ${result.accounts} customer(s)`)
  }
}

export const config = {
  name: "aftersales-points-unlock",
  schedule: jobSchedule("0 * * * *"),
}
