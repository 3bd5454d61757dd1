import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FlaggedTicket } from "./flag-sla-breaches"

export const notifyAdminsOfSlaBreachesStepId = "notify-admins-of-sla-breaches"

/**
 * Posts one admin feed item naming the tickets a run flagged, in the dashboard's notification
 * drawer (as core's import/export notifications are: channel `feed`, template `admin-ui`).
 * Keyed by the flagged ids, so a retried run posts it once.
 */
export const notifyAdminsOfSlaBreachesStep = createStep(
  notifyAdminsOfSlaBreachesStepId,
  async (flagged: FlaggedTicket[], { container }) => {
    if (!flagged.length) {
      return new StepResponse(void 0)
    }
    const notifications = container.resolve(Modules.NOTIFICATION)
    const numbers = flagged.map((t) => `#${1000 + t.display_id}`).join(", ")
    await notifications.createNotifications({
      to: "",
      channel: "feed",
      template: "admin-ui",
      data: {
        title: "Support SLA breached",
        description: `${flagged.length} ticket(s) missed their SLA: ${numbers}`,
      },
      resource_type: "support_ticket",
      idempotency_key: `sla-breach:${flagged.map((t) => t.id).sort().join(",")}`,
    })
    return new StepResponse(void 0)
  }
)
