import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"
import { GesturePlan } from "../types"

export const createGestureRecordStepId = "create-goodwill-gesture-record"

/**
 * Writes the gesture record from a checked plan. The database keeps the idempotency key and
 * the resolution unique, so a raced duplicate fails here and its workflow compensates.
 */
export const createGestureRecordStep = createStep(
  createGestureRecordStepId,
  async (plan: GesturePlan, { container }) => {
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    const gesture = await gestures.createGestures({
      ...plan,
      issued_at: plan.status === "issued" ? new Date() : null,
    })
    return new StepResponse({ id: gesture.id }, gesture.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    // A hard delete: the unique indexes must not keep a failed attempt's key or code.
    await gestures.deleteGestures(id)
  }
)
