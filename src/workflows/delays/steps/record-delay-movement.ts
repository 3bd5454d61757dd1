import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IAftersalesSettingsModuleService } from "../../../types/settings"
import { promiseFor } from "../../../modules/delay_watch/promise"
import DelayWatchService from "../../../modules/delay_watch/service"
import { DelayWatchDTO } from "../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../types/modules"
import { ItemProgressRow, progressOf } from "../item-progress"

export const recordDelayMovementStepId = "move-delay-watch"

/** The order whose goods moved, or the fulfilment that did (core's events carry its id). */
export type RecordDelayMovementStepInput = {
  /** The order (fulfilment created, order edit confirmed). */
  order_id?: string
  /** A fulfilment shipped or delivered; its order is looked up. */
  fulfillment_id?: string
}

type FulfillmentRow = {
  created_at?: string | Date | null
  shipped_at?: string | Date | null
  delivered_at?: string | Date | null
  canceled_at?: string | Date | null
}

/**
 * Moves the order's watch from its items, not its fulfilments: shipped once every item (those
 * added by an edit included) has shipped its whole quantity, delivered once every item is
 * delivered; a partial shipment or delivery keeps the rest watched under its promise. Times
 * come from the fulfilments themselves (the latest one that completed the order), so a late
 * or replayed event records when it really happened, once. An item added after shipment
 * makes the order unshipped again, with a promise counted from the edit for the new item.
 */
export const recordDelayMovementStep = createStep(
  recordDelayMovementStepId,
  async (input: RecordDelayMovementStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    let orderId = input.order_id
    if (!orderId && input.fulfillment_id) {
      const {
        data: [fulfillment],
      } = await query.graph({
        entity: "fulfillment",
        fields: ["id", "order.id"],
        filters: { id: input.fulfillment_id },
      })
      orderId = fulfillment?.order?.id
    }
    if (!orderId) {
      // Not an order's fulfilment (e.g. a return's): nothing to watch.
      return new StepResponse<DelayWatchDTO | null>(null)
    }
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "items.id",
        "items.title",
        "items.quantity",
        "items.requires_shipping",
        "items.detail.quantity",
        "items.detail.fulfilled_quantity",
        "items.detail.shipped_quantity",
        "items.detail.delivered_quantity",
        "fulfillments.created_at",
        "fulfillments.shipped_at",
        "fulfillments.delivered_at",
        "fulfillments.canceled_at",
        "shipping_methods.shipping_option_id",
      ],
      filters: { id: orderId },
    })
    if (!order) {
      return new StepResponse<DelayWatchDTO | null>(null)
    }
    const items = (order.items ?? []) as unknown as ItemProgressRow[]
    const done = progressOf(items)
    const open = ((order.fulfillments ?? []) as FulfillmentRow[]).filter((f) => f && !f.canceled_at)
    const latest = (column: keyof FulfillmentRow) => {
      const times = open.map((f) => f[column]).filter((t): t is string | Date => !!t).map((t) => new Date(t).getTime())
      return times.length ? new Date(Math.max(...times)) : new Date()
    }
    const settings: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
    const { delays } = await settings.getSettings()
    const shippingOptionId =
      (order.shipping_methods ?? []).find((m) => m?.shipping_option_id)?.shipping_option_id ?? null
    const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
    const watch = await watches.syncProgress(
      orderId,
      {
        fulfilled_at: done.fulfilled ? latest("created_at") : null,
        shipped_at: done.shipped ? latest("shipped_at") : null,
        delivered_at: done.delivered ? latest("delivered_at") : null,
      },
      // Only used when an item came after the goods left: its own promise, from now.
      promiseFor(delays, shippingOptionId, new Date())
    )
    return new StepResponse<DelayWatchDTO | null>(watch)
  }
)
