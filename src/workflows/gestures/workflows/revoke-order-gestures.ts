import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { AftersalesEvents } from "../../../types/events"
import { listRevocableGesturesStep, revokeGesturesStep } from "../steps"

export const revokeOrderGesturesWorkflowId = "revoke-order-goodwill-gestures"

/** Input of `revokeOrderGesturesWorkflow`. */
export type RevokeOrderGesturesInput = {
  /** The cancelled order. */
  order_id: string
}

/**
 * On `order.canceled`: the goodwill gestures given for that order are taken back while they
 * are unused (`revokeGesturesStep`), so a late order that is cancelled and refunded does not
 * also leave its coupons behind. Each gesture is locked as its approval locks it, so an
 * approval and a revocation at once cannot both act. Safe to run twice for one order; emits
 * `gesture.revoked` per gesture taken back.
 */
export const revokeOrderGesturesWorkflow = createWorkflow(
  revokeOrderGesturesWorkflowId,
  (input: RevokeOrderGesturesInput) => {
    const ids = listRevocableGesturesStep(input)
    const keys = transform({ ids }, ({ ids }) => ids.map((id) => `aftersales-gesture:${id}`))
    acquireLockStep({ key: keys, timeout: 30, ttl: 60 })
    const revoked = revokeGesturesStep({ ids })
    const events = transform({ revoked, input }, ({ revoked, input }) =>
      revoked.map((g) => ({ id: g.id, customer_id: g.customer_id, order_id: input.order_id }))
    )
    emitEventStep({ eventName: AftersalesEvents.GESTURE_REVOKED, data: events })
    releaseLockStep({ key: keys })
    return new WorkflowResponse(revoked)
  }
)
