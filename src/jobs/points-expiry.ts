import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runPointsExpiry } from "../workflows/loyalty"
import { checkpoint, jobSchedule } from "../utils/pause-point"

/** Expires what remains of lots past their date and reminds of what expires soon, daily at 03:00. */
export default async function pointsExpiryJob(container: MedusaContainer, context?: { scheduledFor?: Date }) {
  await checkpoint(container, "job:points-expiry", context?.scheduledFor)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = await runPointsExpiry(container)
  if (result.expired_entries) {
    logger.info(`medusa-aftersales: points-expiry expired ${result.expired_points} point(s) of ${result.customers} customer(s)`)
  }
}

export const config = {
  name: "aftersales-points-expiry",
  schedule: jobSchedule("0 3 * * *"),
}
