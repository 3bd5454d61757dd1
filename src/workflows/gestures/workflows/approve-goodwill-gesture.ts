import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { AftersalesEvents } from "../../../types/events"
import {
  awardGesturePointsStep,
  createGesturePromotionStep,
  updateGestureStep,
  validateGestureApprovalStep,
} from "../steps"
import { COUPON_KINDS, couponValueOf } from "../types"

export const approveGoodwillGestureWorkflowId = "approve-goodwill-gesture"

/** Input of `approveGoodwillGestureWorkflow`. */
export type ApproveGoodwillGestureInput = {
  /** The gesture waiting for approval. */
  id: string
  /** The approving admin user (not the one who resolved). */
  actor_id: string
}

/**
 * A second admin approves a gesture above the approval threshold: it is issued now (coupon
 * created or points credited) and announced. Locked per gesture, so two approvals at once
 * issue one coupon; the second is refused (400) saying it is
 * already issued.
 */
export const approveGoodwillGestureWorkflow = createWorkflow(
  approveGoodwillGestureWorkflowId,
  (input: ApproveGoodwillGestureInput) => {
    const lockKey = transform({ input }, ({ input }) => `aftersales-gesture:${input.id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const gesture = validateGestureApprovalStep(input)

    const promotion = when(
      "approved-gesture-is-coupon",
      { gesture },
      ({ gesture }) => COUPON_KINDS.includes(gesture.kind) && !!gesture.code
    ).then(() => {
      const promotionInput = transform({ gesture }, ({ gesture }) => ({
        gesture_id: gesture.id,
        customer_id: gesture.customer_id,
        kind: gesture.kind,
        amount: couponValueOf(gesture),
        currency_code: gesture.currency_code,
        code: gesture.code as string,
        expires_at: gesture.expires_at,
      }))
      return createGesturePromotionStep(promotionInput)
    })

    const update = transform({ gesture, promotion, input }, ({ gesture, promotion, input }) => ({
      id: gesture.id,
      status: "issued" as const,
      promotion_id: promotion?.id ?? null,
      approved_by: input.actor_id,
      approved_at: new Date(),
      issued_at: new Date(),
    }))
    updateGestureStep(update)

    when("approved-gesture-is-points", { gesture }, ({ gesture }) => gesture.kind === "points").then(
      () => {
        const pointsInput = transform({ gesture }, ({ gesture }) => ({
          gesture_id: gesture.id,
          customer_id: gesture.customer_id,
          points: gesture.value,
        }))
        awardGesturePointsStep(pointsInput)
      }
    )

    const eventData = transform({ gesture }, ({ gesture }) => ({
      id: gesture.id,
      customer_id: gesture.customer_id,
      kind: gesture.kind,
    }))
    emitEventStep({ eventName: AftersalesEvents.GESTURE_ISSUED, data: eventData })
    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(transform({ gesture }, ({ gesture }) => ({ id: gesture.id })))
  }
)
