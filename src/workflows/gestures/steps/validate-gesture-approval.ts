import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"
import { GestureKind } from "../types"

export const validateGestureApprovalStepId = "validate-goodwill-gesture-approval"

/** Who approves which gesture. */
export type ValidateGestureApprovalStepInput = {
  /** The gesture waiting for approval. */
  id: string
  /** The approving admin user: must not be the one who asked for it. */
  actor_id: string
}

/** The gesture to issue now. */
export type GestureToIssue = {
  id: string
  customer_id: string
  kind: GestureKind
  value: number
  /** What it was booked at: the coupon's fixed value. */
  amount: number
  currency_code: string
  code: string | null
  expires_at: Date
}

/** Checks that the gesture waits for approval and that a second admin approves it. */
export const validateGestureApprovalStep = createStep(
  validateGestureApprovalStepId,
  async (input: ValidateGestureApprovalStepInput, { container }) => {
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    const [gesture] = await gestures.listGestures({ id: input.id })
    if (!gesture) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Gesture with id ${input.id} was not found`)
    }
    if (gesture.status !== "pending_approval") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Gesture ${input.id} is ${gesture.status}, not waiting for approval`
      )
    }
    if (gesture.requested_by && gesture.requested_by === input.actor_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Gesture ${input.id} must be approved by an admin other than the one who asked for it`
      )
    }
    return new StepResponse<GestureToIssue>({
      id: gesture.id,
      customer_id: gesture.customer_id,
      kind: gesture.kind as GestureKind,
      value: Number(gesture.value),
      amount: Number(gesture.amount),
      currency_code: gesture.currency_code,
      code: gesture.code ?? null,
      expires_at: gesture.expires_at as Date,
    })
  }
)
