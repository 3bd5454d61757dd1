import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IAftersalesSettingsModuleService } from "../../../types/settings"
import DelayWatchService from "../../../modules/delay_watch/service"
import { DelayChoice } from "../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../types/modules"
import {
  CANCELABLE_ORDER_FIELDS,
  CancelableOrder,
  CancelUnavailable,
  cancelUnavailableOf,
} from "../cancel-availability"

export const loadDelayChoiceStepId = "load-delay-choice"

/** The ticket a shopper answers and who they are. */
export type LoadDelayChoiceStepInput = {
  /** The proactive delay ticket. */
  ticket_id: string
  /** The logged-in shopper. */
  customer_id: string
}

/** The incident behind the ticket and the order's state. */
export type DelayChoiceContext = {
  ticket_id: string
  customer_id: string
  incident_id: string
  order_id: string
  previous: DelayChoice | null
  gesture_id: string | null
  order_status: string
  /** Why Medusa would refuse to cancel the order now (shipped, packed, …); null when it would not. */
  cancel_unavailable: CancelUnavailable | null
  /** The delay settings say waiting earns a goodwill gesture by policy. */
  gesture_on_wait: boolean
}

/**
 * Loads the incident a proactive ticket offers a choice on. Another shopper's ticket is a 404
 * like a missing one; a ticket with no delay behind it is a 400.
 */
export const loadDelayChoiceStep = createStep(
  loadDelayChoiceStepId,
  async (input: LoadDelayChoiceStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [ticket],
    } = await query.graph({
      entity: "support_ticket",
      fields: ["id", "customer_id", "order_id"],
      filters: { id: input.ticket_id, customer_id: input.customer_id },
    })
    if (!ticket) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Support ticket with id ${input.ticket_id} was not found`)
    }
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const [incident] = await watches.listDelayIncidents({ ticket_id: ticket.id })
    if (!incident) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Support ticket ${ticket.id} is not about a late order and offers no delay choice`
      )
    }
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: CANCELABLE_ORDER_FIELDS,
      filters: { id: incident.order_id },
    })
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${incident.order_id} was not found`)
    }
    const settings: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
    const { delays } = await settings.getSettings()
    return new StepResponse<DelayChoiceContext>({
      ticket_id: ticket.id,
      customer_id: input.customer_id,
      incident_id: incident.id,
      order_id: incident.order_id,
      previous: (incident.choice as DelayChoice | null) ?? null,
      gesture_id: incident.gesture_id ?? null,
      order_status: order.status as string,
      cancel_unavailable: cancelUnavailableOf(order as CancelableOrder),
      gesture_on_wait: delays.gesture_on_wait,
    })
  }
)
