import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { promiseFor } from "../../../modules/delay_watch/promise"
import DelayWatchService from "../../../modules/delay_watch/service"
import { DelayWatchDTO } from "../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../types/modules"
import { placedOrderOf, PlacedOrderInput, placedOrderSettings } from "../../orders/placed-order"

export const startDelayWatchStepId = "create-delay-watch"

/** The order whose promise to record (its id, and the order when the caller already read it). */
export type StartDelayWatchStepInput = PlacedOrderInput

/**
 * Records the delivery promise of a placed order: ship by and deliver by, counted from when it
 * was placed, with its shipping option's own promise when the merchant set one. Nothing when
 * delays are switched off. A replayed `order.placed` answers the watch already there.
 */
export const startDelayWatchStep = createStep(
  startDelayWatchStepId,
  async (input: StartDelayWatchStepInput, { container }) => {
    const { delays } = await placedOrderSettings(container, input)
    if (!delays.enabled) {
      return new StepResponse<DelayWatchDTO | null, string | null>(null, null)
    }
    const order = await placedOrderOf(container, input)
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${input.order_id} was not found`)
    }
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const shippingOptionId = order.shipping_methods?.find((m) => m?.shipping_option_id)?.shipping_option_id ?? null
    const placedAt = new Date(order.created_at as unknown as string)
    const { watch, created } = await watches.startWatch({
      order_id: order.id,
      customer_id: order.customer_id ?? null,
      shipping_option_id: shippingOptionId,
      placed_at: placedAt,
      ...promiseFor(delays, shippingOptionId, placedAt),
    })
    // A replayed `order.placed` answers the first watch; only a watch made here is undone.
    return new StepResponse<DelayWatchDTO | null, string | null>(watch, created ? watch.id : null)
  },
  async (watchId, { container }) => {
    if (!watchId) {
      return
    }
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    await watches.deleteDelayWatches(watchId)
  }
)
