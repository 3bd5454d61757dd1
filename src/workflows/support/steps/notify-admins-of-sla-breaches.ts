import { createHash } from "crypto"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FlaggedTicket } from "./flag-sla-breaches"

export const notifyAdminsOfSlaBreachesStepId = "notify-admins-of-sla-breaches"

/** How many ticket numbers the feed item's text lists before "and N more". */
const LISTED = 20

/**
 * Posts one admin feed item naming the tickets a run flagged, in the dashboard's notification
 * drawer (as core's import/export notifications are: channel `feed`, template `admin-ui`);
 * `data.ticket_ids` holds them all. Keyed by a hash of the flagged ids (bounded, whatever the
 * backlog), so a retried run posts it once; each ticket is flagged by one run only, so it is
 * named in one item. A failure to notify is logged and does not fail the run: the breaches
 * stay flagged and the inbox shows them.
 */
export const notifyAdminsOfSlaBreachesStep = createStep(
  notifyAdminsOfSlaBreachesStepId,
  async (flagged: FlaggedTicket[], { container }) => {
    if (!flagged.length) {
      return new StepResponse(void 0)
    }
    const ids = flagged.map((t) => t.id).sort()
    const numbers = flagged.slice(0, LISTED).map((t) => `#${1000 + t.display_id}`)
    const more = flagged.length > LISTED ? ` and ${flagged.length - LISTED} more` : ""
    try {
      await container.resolve(Modules.NOTIFICATION).createNotifications({
        to: "",
        channel: "feed",
        template: "admin-ui",
        data: {
          title: "Support SLA breached",
          description: `${flagged.length} ticket(s) missed their SLA: ${numbers.join(", ")}${more}`,
          ticket_ids: ids,
        },
        resource_type: "support_ticket",
        idempotency_key: `sla-breach:${createHash("sha256").update(ids.join(",")).digest("hex")}`,
      })
    } catch (e) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`medusa-aftersales: the SLA breach notification for ${ids.length} ticket(s) failed: ${(e as Error).message}`)
    }
    return new StepResponse(void 0)
  }
)
