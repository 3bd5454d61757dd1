import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"

export const cancelPendingGesturesStepId = "cancel-customer-pending-gestures"

/** The customer whose gestures waiting for approval are cancelled. */
export type CancelPendingGesturesStepInput = {
  /** The customer being erased. */
  customer_id: string
}

/**
 * Cancels the customer's gestures that still wait for a second admin's approval: approving
 * one later would issue a coupon, credit or points to a customer who is gone. Issued and
 * redeemed gestures stay as they are (their cost counts in budgets and the overview).
 */
export const cancelPendingGesturesStep = createStep(
  cancelPendingGesturesStepId,
  async (input: CancelPendingGesturesStepInput, { container }) => {
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    const pending = await gestures.listGestures(
      { customer_id: input.customer_id, status: "pending_approval" },
      { select: ["id"] }
    )
    if (pending.length) {
      await gestures.updateGestures(pending.map((g) => ({ id: g.id, status: "cancelled" as const })))
    }
    const ids = pending.map((g) => g.id)
    return new StepResponse<number, string[]>(ids.length, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    await gestures.updateGestures(ids.map((id) => ({ id, status: "pending_approval" as const })))
  }
)
