import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { AftersalesEvents } from "../../../types/events"
import { issueGoodwillGestureWorkflow } from "../../gestures/workflows/issue-goodwill-gesture"
import { TICKET_LOCK, ticketLockKey } from "../lock"
import { resolveSupportTicketStep } from "../steps"
import { GestureChoice } from "../types"

export const resolveSupportTicketWorkflowId = "resolve-support-ticket"

/** Input of `resolveSupportTicketWorkflow`. */
export type ResolveSupportTicketInput = {
  /** The ticket. */
  ticket_id: string
  /** What was done. */
  outcome: string
  /** A note kept with the resolution. */
  note?: string | null
  /** `policy`, `none` or the agent's own `{ kind, value }`; left out: the policy if automatic. */
  gesture?: GestureChoice
  /** The admin user resolving. */
  actor_id?: string | null
}

/** The resolution and its gesture, if any. */
export type ResolveSupportTicketOutput = {
  ticket_id: string
  resolution_id: string
  /** False when the ticket was already resolved (nothing new was done). */
  created: boolean
  gesture_id: string | null
  /**
   * Why no gesture was issued although one was asked for, e.g. the delay incident behind the
   * ticket already got its one gesture when the shopper chose to wait.
   */
  gesture_skipped_reason: string | null
}

/**
 * Resolves a ticket and issues at most one gesture for the resolution, all or nothing: a
 * gesture refused by a cap or the budget fails the resolution with the reason, and the agent
 * can resolve again without a gesture. Under a lock on the ticket; a ticket already resolved
 * answers its resolution and issues nothing, so resolving twice never gives two gestures.
 * Emits `support_ticket.resolved` once per resolution.
 */
export const resolveSupportTicketWorkflow = createWorkflow(
  resolveSupportTicketWorkflowId,
  (input: ResolveSupportTicketInput) => {
    const lockKey = transform({ input }, ({ input }) => ticketLockKey(input.ticket_id))
    acquireLockStep({ key: lockKey, timeout: TICKET_LOCK.timeout, ttl: TICKET_LOCK.ttl })

    const resolution = resolveSupportTicketStep({
      ticket_id: input.ticket_id,
      outcome: input.outcome,
      note: input.note,
      resolved_by: input.actor_id,
    })

    const issued = when("resolution-created", { resolution }, ({ resolution }) => resolution.created).then(
      () => {
        const gestureInput = transform({ resolution, input }, ({ resolution, input }) => ({
          customer_id: resolution.customer_id,
          ticket_id: resolution.ticket_id,
          resolution_id: resolution.resolution_id,
          order_id: resolution.order_id,
          category: resolution.category,
          choice: input.gesture,
          requested_by: input.actor_id ?? null,
          idempotency_key: `resolution:${resolution.resolution_id}`,
        }))
        const gesture = issueGoodwillGestureWorkflow.runAsStep({ input: gestureInput })
        const eventData = transform({ resolution }, ({ resolution }) => ({
          id: resolution.ticket_id,
          customer_id: resolution.customer_id,
          resolution_id: resolution.resolution_id,
        }))
        emitEventStep({ eventName: AftersalesEvents.TICKET_RESOLVED, data: eventData }).config({
          name: "emit-ticket-resolved",
        })
        return gesture
      }
    )

    // A repeated resolve answers the gesture of the existing resolution.
    const existing = useQueryGraphStep({
      entity: "gesture",
      fields: ["id"],
      filters: transform({ resolution }, ({ resolution }) => ({
        resolution_id: resolution.resolution_id,
      })),
    }).config({ name: "resolution-gesture" })

    releaseLockStep({ key: lockKey })

    const result = transform(
      { resolution, issued, existing },
      ({ resolution, issued, existing }): ResolveSupportTicketOutput => ({
        ticket_id: resolution.ticket_id,
        resolution_id: resolution.resolution_id,
        created: resolution.created,
        gesture_id: issued?.gesture_id ?? existing.data?.[0]?.id ?? null,
        gesture_skipped_reason: issued?.skipped_reason ?? null,
      })
    )
    return new WorkflowResponse(result)
  }
)
