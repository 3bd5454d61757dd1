import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"
import { GestureKind } from "../types"

export const validateGestureApprovalStepId = "validate-goodwill-gesture-approval"

/** Who approves which gesture. */
export type ValidateGestureApprovalStepInput = {
  /** The gesture waiting for approval. */
  id: string
  /** The approving admin user: a user (not an API key), not the one who asked for it. */
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

/**
 * Checks that the gesture waits for approval and that a second person approves it: an admin
 * user other than the requester. An id that is no user (a secret API key's) is refused, so a
 * key its creator just made cannot stand in for the second person.
 */
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
    const [approver] = await container
      .resolve(Modules.USER)
      .listUsers({ id: input.actor_id }, { select: ["id"] })
    if (!approver) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Gesture ${input.id} must be approved by a signed-in admin user; ${input.actor_id} is not one`
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
