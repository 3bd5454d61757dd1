import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import DelayWatchService from "../../../../../modules/delay_watch/service"
import { DelayChoice } from "../../../../../modules/delay_watch/types"
import { StoreDelayChoiceOptions } from "../../../../../types/http/support"
import { AftersalesModules } from "../../../../../types/modules"
import {
  CANCELABLE_ORDER_FIELDS,
  CancelableOrder,
  delayChoiceOptionsOf,
} from "../../../../../workflows/delays/cancel-availability"

/**
 * The delay choice a ticket offers now, for the shopper's ticket view: what may be chosen,
 * and why not cancel when Medusa would refuse it (the same rule the choice route applies).
 * Undefined for a ticket with no delay behind it.
 */
export async function fetchStoreDelayChoice(
  scope: MedusaContainer,
  ticketId: string
): Promise<StoreDelayChoiceOptions | undefined> {
  const watches: DelayWatchService = scope.resolve(AftersalesModules.DELAY_WATCH)
  const [incident] = await watches.listDelayIncidents({ ticket_id: ticketId }, { select: ["id", "order_id", "choice"] })
  if (!incident) {
    return undefined
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: CANCELABLE_ORDER_FIELDS, filters: { id: incident.order_id } })
  if (!order) {
    return undefined
  }
  return delayChoiceOptionsOf((incident.choice as DelayChoice | null) ?? null, order as unknown as CancelableOrder)
}
