import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import DelayWatchService from "../../../modules/delay_watch/service"
import { DelayIncidentDTO } from "../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../types/modules"

export const loadDelayAnnouncementStepId = "load-delay-announcement"

/** The incident to announce (null: a carrier report recorded nothing). */
export type LoadDelayAnnouncementStepInput = {
  /** The incident recorded by this run or an earlier one. */
  incident_id: string | null
}

/** Whether the incident is still to be announced, read under the announcement's lock. */
export type DelayAnnouncement = {
  incident: DelayIncidentDTO | null
  /** Recorded, not yet announced, and the order is still watched: tell the customer now. */
  announce: boolean
  /**
   * Take the incident out of the outbox: it is announced now, or its order stopped being
   * watched (delivered or canceled) before anyone told the customer, and nothing is sent.
   */
  settle: boolean
}

/**
 * Reads the incident again once the announcement's lock is held: another run (a second scan,
 * the carrier hook) may have announced it meanwhile, and then this run sends nothing. An
 * incident whose order was delivered or canceled since it was recorded (a crash left it
 * behind) is settled without a message: the delay is no longer news.
 */
export const loadDelayAnnouncementStep = createStep(
  loadDelayAnnouncementStepId,
  async (input: LoadDelayAnnouncementStepInput, { container }) => {
    if (!input.incident_id) {
      return new StepResponse<DelayAnnouncement>({ incident: null, announce: false, settle: false })
    }
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const [incident] = await watches.listDelayIncidents({ id: input.incident_id })
    if (!incident || incident.announced_at) {
      return new StepResponse<DelayAnnouncement>({
        incident: (incident as unknown as DelayIncidentDTO) ?? null,
        announce: false,
        settle: false,
      })
    }
    const [watch] = await watches.listDelayWatches({ id: incident.watch_id }, { select: ["id", "status"] })
    const open = watch?.status === "open"
    return new StepResponse<DelayAnnouncement>({
      incident: incident as unknown as DelayIncidentDTO,
      announce: open,
      settle: true,
    })
  }
)
