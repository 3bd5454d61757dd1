import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"
import { REVOCABLE_GESTURE_STATUSES } from "../types"

export const listRevocableGesturesStepId = "list-revocable-goodwill-gestures"

/** The order whose gestures may be taken back. */
export type ListRevocableGesturesStepInput = {
  /** The cancelled order. */
  order_id: string
}

/**
 * Lists the gestures given for an order that are not used yet (issued or waiting for
 * approval), so the revoking workflow can lock each before it reads them again.
 */
export const listRevocableGesturesStep = createStep(
  listRevocableGesturesStepId,
  async (input: ListRevocableGesturesStepInput, { container }) => {
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    const found = await gestures.listGestures(
      { order_id: input.order_id, status: [...REVOCABLE_GESTURE_STATUSES] },
      { select: ["id"] }
    )
    return new StepResponse(found.map((g) => g.id))
  }
)
