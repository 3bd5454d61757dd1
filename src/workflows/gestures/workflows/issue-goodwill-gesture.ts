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
  createGestureRecordStep,
  prepareGestureStep,
  updateGestureStep,
  validateGestureLimitsStep,
} from "../steps"
import { COUPON_KINDS, couponValueOf, GesturePlan, IssueGoodwillGestureInput } from "../types"

export const issueGoodwillGestureWorkflowId = "issue-goodwill-gesture"

/** The lock under which a gesture in `currency` is checked against the budget and booked. */
export const gestureBudgetLockKey = (currency: string) => `aftersales-gesture-budget:${currency}`

/** The gesture the call stands for, and whether this run created it. */
export type IssueGoodwillGestureOutput = {
  /** Null when the policy (or the agent) gave nothing. */
  gesture_id: string | null
  created: boolean
  /** Why nothing was issued although a gesture was asked for; null otherwise. */
  skipped_reason: string | null
}

/**
 * Issues at most one goodwill gesture per idempotency key (e.g. per resolution), by the
 * category's policy or the agent's choice, in a currency the store sells in, inside the policy's
 * caps and budget. Under a per-customer lock and, while the limits are checked and the record
 * written, a per-currency budget lock: check, book, then the coupon (a real promotion) or the
 * points. A gesture above the approval threshold is recorded as `pending_approval` and
 * issued by `approveGoodwillGestureWorkflow`. Any failure compensates every write: no coupon
 * without a record, no record without its coupon. Also used by the delay watch for "wait".
 */
export const issueGoodwillGestureWorkflow = createWorkflow(
  issueGoodwillGestureWorkflowId,
  (input: IssueGoodwillGestureInput) => {
    const lockKey = transform({ input }, ({ input }) => `aftersales-gestures:${input.customer_id}`)
    // Also when run inside the resolve workflow: core skips sub-workflow locks unless asked.
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, executeOnSubWorkflow: true })

    const prepared = prepareGestureStep(input)

    // The budget is a sum over every customer's gestures in the currency: checking it and
    // booking the gesture are serialized per currency, across processes (locking module).
    const budgetKey = transform({ prepared }, ({ prepared }) =>
      prepared.plan ? [gestureBudgetLockKey(prepared.plan.currency_code)] : []
    )
    acquireLockStep({ key: budgetKey, timeout: 30, ttl: 60, executeOnSubWorkflow: true }).config({
      name: "acquire-gesture-budget-lock",
    })
    const limits = transform({ prepared }, ({ prepared }) => ({
      plan: prepared.plan,
      policy: prepared.policy,
      order_total: prepared.order_total,
    }))
    validateGestureLimitsStep(limits)

    const record = when("gesture-planned", { prepared }, ({ prepared }) => !!prepared.plan).then(
      () => createGestureRecordStep(prepared.plan as GesturePlan)
    )
    // Booked: the record counts against the budget from here on.
    releaseLockStep({ key: budgetKey, executeOnSubWorkflow: true }).config({
      name: "release-gesture-budget-lock",
    })

    const promotion = when(
      "gesture-coupon-issued-now",
      { prepared },
      ({ prepared }) =>
        prepared.plan?.status === "issued" && COUPON_KINDS.includes(prepared.plan.kind)
    ).then(() => {
      const promotionInput = transform({ prepared, record }, ({ prepared, record }) => {
        const plan = prepared.plan as GesturePlan
        return {
          gesture_id: record!.id,
          customer_id: plan.customer_id,
          kind: plan.kind,
          amount: couponValueOf(plan),
          currency_code: plan.currency_code,
          code: plan.code as string,
          expires_at: plan.expires_at,
        }
      })
      const created = createGesturePromotionStep(promotionInput)
      const link = transform({ record, created }, ({ record, created }) => ({
        id: record!.id,
        promotion_id: created.id,
      }))
      updateGestureStep(link)
      return created
    })

    when(
      "gesture-points-issued-now",
      { prepared },
      ({ prepared }) => prepared.plan?.status === "issued" && prepared.plan.kind === "points"
    ).then(() => {
      const pointsInput = transform({ prepared, record }, ({ prepared, record }) => ({
        gesture_id: record!.id,
        customer_id: prepared.plan!.customer_id,
        points: prepared.plan!.value,
      }))
      awardGesturePointsStep(pointsInput)
    })

    when("gesture-announce", { prepared }, ({ prepared }) => prepared.plan?.status === "issued").then(
      () => {
        const eventData = transform({ prepared, record }, ({ prepared, record }) => ({
          id: record!.id,
          customer_id: prepared.plan!.customer_id,
          ticket_id: prepared.plan!.ticket_id,
          kind: prepared.plan!.kind,
        }))
        emitEventStep({ eventName: AftersalesEvents.GESTURE_ISSUED, data: eventData })
      }
    )

    releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })

    const result = transform(
      { prepared, record, promotion },
      ({ prepared, record }): IssueGoodwillGestureOutput => ({
        gesture_id: record?.id ?? prepared.existing_id ?? null,
        created: !!record?.id,
        skipped_reason: prepared.skipped_reason,
      })
    )
    return new WorkflowResponse(result)
  }
)
