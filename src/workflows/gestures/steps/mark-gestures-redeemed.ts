import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"
import { placedOrderOf, PlacedOrderInput } from "../../orders/placed-order"
import { promotionCodesOf } from "../../orders/promotion-codes"

export const markGesturesRedeemedStepId = "mark-goodwill-gestures-redeemed"

/** A gesture this run marked redeemed. */
export type RedeemedGesture = { id: string; customer_id: string; order_id: string }

/**
 * Marks redeemed the issued gestures whose coupon code the order used. Only `issued` ones
 * change, so a retried `order.placed` marks (and announces) nothing twice.
 */
export const markGesturesRedeemedStep = createStep(
  markGesturesRedeemedStepId,
  async (input: PlacedOrderInput, { container }) => {
    const order = await placedOrderOf(container, input)
    const codes = order ? promotionCodesOf(order) : []
    if (!codes.length) {
      return new StepResponse<RedeemedGesture[], string[]>([], [])
    }
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    const found = await gestures.listGestures({ code: codes, status: "issued" })
    if (found.length) {
      await gestures.updateGestures(
        found.map((g) => ({
          id: g.id,
          status: "redeemed" as const,
          redeemed_order_id: input.order_id,
          redeemed_at: new Date(),
        }))
      )
    }
    return new StepResponse<RedeemedGesture[], string[]>(
      found.map((g) => ({ id: g.id, customer_id: g.customer_id, order_id: input.order_id })),
      found.map((g) => g.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    await gestures.updateGestures(
      ids.map((id) => ({ id, status: "issued" as const, redeemed_order_id: null, redeemed_at: null }))
    )
  }
)
