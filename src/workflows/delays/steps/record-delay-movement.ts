import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import DelayWatchService from "../../../modules/delay_watch/service"
import { DelayWatchDTO, WatchMovement } from "../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../types/modules"

export const recordDelayMovementStepId = "move-delay-watch"

/** A fulfilment of an order that moved. */
export type RecordDelayMovementStepInput = {
  /** The fulfilment created, shipped or delivered (core's events carry its id). */
  fulfillment_id: string
  /** What happened to it. */
  movement: WatchMovement
}

type FulfillmentRow = {
  id: string
  created_at?: string | Date | null
  shipped_at?: string | Date | null
  delivered_at?: string | Date | null
  canceled_at?: string | Date | null
}

/**
 * Moves the order's watch for a fulfilment event: fulfilled, shipped (the first parcel on
 * its way keeps the ship promise), delivered (only once every fulfilment not canceled is
 * delivered; until then the order counts as shipped). Times come from the fulfilment itself,
 * so a late or replayed event records when it really happened, once.
 */
export const recordDelayMovementStep = createStep(
  recordDelayMovementStepId,
  async (input: RecordDelayMovementStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [fulfillment],
    } = await query.graph({
      entity: "fulfillment",
      fields: ["id", "created_at", "shipped_at", "delivered_at", "order.id"],
      filters: { id: input.fulfillment_id },
    })
    const orderId: string | undefined = fulfillment?.order?.id
    if (!orderId) {
      // Not an order's fulfilment (e.g. a return's): nothing to watch.
      return new StepResponse<DelayWatchDTO | null>(null)
    }
    let movement = input.movement
    let at = timeOf(fulfillment as FulfillmentRow, movement)
    if (movement === "delivered") {
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["id", "fulfillments.id", "fulfillments.delivered_at", "fulfillments.canceled_at"],
        filters: { id: orderId },
      })
      const open = ((order?.fulfillments ?? []) as FulfillmentRow[]).filter((f) => f && !f.canceled_at)
      if (open.some((f) => !f.delivered_at)) {
        movement = "shipped"
        at = timeOf(fulfillment as FulfillmentRow, "shipped")
      } else {
        at = new Date(Math.max(...open.map((f) => new Date(f.delivered_at as string).getTime())))
      }
    }
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const watch = await watches.recordMovement(orderId, movement, at)
    return new StepResponse<DelayWatchDTO | null>(watch)
  }
)

function timeOf(f: FulfillmentRow, movement: WatchMovement): Date {
  const value =
    movement === "delivered" ? f.delivered_at : movement === "shipped" ? f.shipped_at : f.created_at
  return value ? new Date(value) : new Date()
}
