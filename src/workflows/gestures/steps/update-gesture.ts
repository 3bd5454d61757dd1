import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"
import { GestureStatus } from "../types"

export const updateGestureStepId = "update-goodwill-gesture"

/** Fields of a gesture that issuing, approval and redemption change. */
export type UpdateGestureStepInput = {
  id: string
  status?: GestureStatus
  promotion_id?: string | null
  approved_by?: string | null
  approved_at?: Date | null
  issued_at?: Date | null
  redeemed_order_id?: string | null
  redeemed_at?: Date | null
}

/** Updates a gesture; compensation puts back the fields it changed. */
export const updateGestureStep = createStep(
  updateGestureStepId,
  async (input: UpdateGestureStepInput, { container }) => {
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    const before = await gestures.retrieveGesture(input.id)
    const snapshot: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(input)) {
      snapshot[key] = (before as Record<string, unknown>)[key] ?? null
    }
    await gestures.updateGestures(input)
    return new StepResponse({ id: input.id }, snapshot as UpdateGestureStepInput)
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    await gestures.updateGestures(snapshot)
  }
)
