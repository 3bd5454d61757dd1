import { Modules, PromotionStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"
import { COUPON_KINDS, GestureKind, GestureStatus, REVOCABLE_GESTURE_STATUSES } from "../types"

export const revokeGesturesStepId = "revoke-goodwill-gestures"

/** The gestures to take back, already locked by the caller. */
export type RevokeGesturesStepInput = {
  /** Gestures of the cancelled order. */
  ids: string[]
}

/** A gesture this run took back. */
export type RevokedGesture = { id: string; customer_id: string; kind: GestureKind }

type Snapshot = {
  gestures: { id: string; status: GestureStatus }[]
  promotion_ids: string[]
}

/**
 * Takes back the gestures that are still unused: a coupon whose promotion nobody has used
 * yet is deactivated in the Promotion module (it stops applying to any cart, and checkout
 * refuses its code because the gesture is `revoked`); a gesture waiting for approval is
 * never issued. A coupon already used (redeemed, or counted by the promotion while the
 * order that used it is being placed) stays. Points and store credit already credited stay
 * too: they are the customer's balance now, not a code (documented in the README).
 * Compensation puts back the statuses and reactivates the promotions.
 */
export const revokeGesturesStep = createStep(
  revokeGesturesStepId,
  async (input: RevokeGesturesStepInput, { container }) => {
    const empty: Snapshot = { gestures: [], promotion_ids: [] }
    if (!input.ids.length) {
      return new StepResponse<RevokedGesture[], Snapshot>([], empty)
    }
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    const promotions = container.resolve(Modules.PROMOTION)
    const found = await gestures.listGestures({
      id: input.ids,
      status: [...REVOCABLE_GESTURE_STATUSES],
    })
    const couponIds = found
      .filter((g) => g.status === "issued" && COUPON_KINDS.includes(g.kind as GestureKind))
      .map((g) => g.promotion_id)
      .filter((id): id is string => !!id)
    const coupons = couponIds.length
      ? await promotions.listPromotions({ id: couponIds }, { select: ["id", "used", "status"] })
      : []
    const used = new Set(coupons.filter((p) => Number(p.used ?? 0) > 0).map((p) => p.id))
    const toRevoke = found.filter((g) => {
      if (g.status === "pending_approval") {
        return true
      }
      return COUPON_KINDS.includes(g.kind as GestureKind) && !!g.promotion_id && !used.has(g.promotion_id)
    })
    const deactivate = coupons
      .filter((p) => !used.has(p.id) && p.status === PromotionStatus.ACTIVE)
      .map((p) => p.id)
      .filter((id) => toRevoke.some((g) => g.promotion_id === id))
    if (deactivate.length) {
      await promotions.updatePromotions(
        deactivate.map((id) => ({ id, status: PromotionStatus.INACTIVE }))
      )
    }
    if (toRevoke.length) {
      const now = new Date()
      await gestures.updateGestures(
        toRevoke.map((g) => ({ id: g.id, status: "revoked" as const, revoked_at: now }))
      )
    }
    return new StepResponse<RevokedGesture[], Snapshot>(
      toRevoke.map((g) => ({ id: g.id, customer_id: g.customer_id, kind: g.kind as GestureKind })),
      {
        gestures: toRevoke.map((g) => ({ id: g.id, status: g.status as GestureStatus })),
        promotion_ids: deactivate,
      }
    )
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    if (snapshot.promotion_ids.length) {
      const promotions = container.resolve(Modules.PROMOTION)
      await promotions.updatePromotions(
        snapshot.promotion_ids.map((id) => ({ id, status: PromotionStatus.ACTIVE }))
      )
    }
    if (snapshot.gestures.length) {
      const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
      await gestures.updateGestures(
        snapshot.gestures.map((g) => ({ id: g.id, status: g.status, revoked_at: null }))
      )
    }
  }
)
