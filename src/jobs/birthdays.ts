import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { birthdayBonusWorkflow } from "../workflows/loyalty"
import { checkpoint, jobSchedule } from "../utils/pause-point"

/** Credits today's birthday bonuses, daily at 06:00 (a rerun the same day credits nothing). */
export default async function birthdaysJob(container: MedusaContainer, context?: { scheduledFor?: Date }) {
  await checkpoint(container, "job:birthdays", context?.scheduledFor)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await birthdayBonusWorkflow(container).run({ input: {} })
  if (result.awarded) {
    logger.info(`medusa-aftersales: birthdays credited ${result.points} point(s) to ${result.awarded} customer(s)`)
  }
}

export const config = {
  name: "aftersales-birthdays",
  schedule: jobSchedule("0 6 * * *"),
}
