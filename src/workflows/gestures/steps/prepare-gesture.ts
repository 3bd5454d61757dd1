import { randomBytes } from "crypto"
import {
  ContainerRegistrationKeys,
  MathBN,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { GesturePolicy, IAftersalesSettingsModuleService } from "../../../types/settings"
import GesturesModuleService from "../../../modules/gestures/service"
import { AftersalesModules } from "../../../types/modules"
import DelayWatchService from "../../../modules/delay_watch/service"
import {
  COUPON_KINDS,
  GestureKind,
  GesturePlan,
  IssueGoodwillGestureInput,
  LIVE_GESTURE_STATUSES,
} from "../types"
import { storeCurrencies } from "../../../utils/store-currencies"
import { LOYALTY_POINTS_MODULE, STORE_CREDIT_MODULE } from "../external-modules"
import { assertRegisteredCustomer } from "../../loyalty/utils"
import { assertActiveCustomer } from "../../privacy/active-customer"

export const prepareGestureStepId = "prepare-goodwill-gesture"

/** The gesture to issue, or why none: `existing_id` when the idempotency key was seen. */
export type PrepareGestureStepOutput = {
  plan: GesturePlan | null
  existing_id: string | null
  /** The category's policy whose caps and budget `validateGestureLimitsStep` checks. */
  policy: GesturePolicy | null
  /** The order's total, for the policy's share cap; null without an order. */
  order_total: number | null
  /** Why nothing is issued although a gesture was asked for (e.g. the delay already got one). */
  skipped_reason: string | null
}

const DAY = 24 * 60 * 60 * 1000
/** bignumber.js's rounding mode towards zero. */
const ROUND_DOWN = 1
/** Kinds whose cost is read from the order: they need one. */
const ORDER_PRICED_KINDS: readonly GestureKind[] = ["percentage", "free_shipping"]
const NOTHING: PrepareGestureStepOutput = {
  plan: null,
  existing_id: null,
  policy: null,
  order_total: null,
  skipped_reason: null,
}

/**
 * Decides what to issue before anything is written: the category's policy or the agent's
 * choice, the currency (one the store sells in), the cost, and whether a second admin must
 * approve. A refusal is a 400 that names the reason. It has no side effects; the caps and the
 * budget are checked by `validateGestureLimitsStep` under the budget lock.
 */
export const prepareGestureStep = createStep(
  prepareGestureStepId,
  async (input: IssueGoodwillGestureInput, { container }) => {
    const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
    const [existing] = await gestures.listGestures(
      { idempotency_key: input.idempotency_key },
      { select: ["id"] }
    )
    if (existing) {
      return new StepResponse<PrepareGestureStepOutput>({ ...NOTHING, existing_id: existing.id })
    }

    const settings: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
    const { gestures: rules, loyalty } = await settings.getSettings()
    const policy = rules.policies.find((p) => p.category === input.category)
    const choice = input.choice ?? (policy?.automatic ? "policy" : "none")
    if (choice === "none") {
      return new StepResponse<PrepareGestureStepOutput>(NOTHING)
    }
    // A deleted customer can no longer use anything: nothing is issued or spent from the budget.
    await assertActiveCustomer(container, input.customer_id, "a gesture")
    const incidentGesture = await delayIncidentGestureOf(container, input.ticket_id ?? null)
    if (incidentGesture) {
      return new StepResponse<PrepareGestureStepOutput>({
        ...NOTHING,
        skipped_reason: `No gesture issued: the delay on ticket ${input.ticket_id} already got gesture ${incidentGesture} (one per delay incident)`,
      })
    }
    if (choice === "policy" && !policy) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `There is no gesture policy for the category ${input.category}`
      )
    }
    const kind: GestureKind = choice === "policy" ? policy!.kind : choice.kind
    const chosenValue = choice === "policy" ? policy!.value : choice.value
    assertKindAvailable(kind, container)
    if (kind === "points") {
      // Only registered customers hold points (SPEC §10): a guest's order ticket gets another kind.
      await assertRegisteredCustomer(container, input.customer_id)
    }

    const order = input.order_id ? await loadOrder(container, input.order_id) : null
    if (!order && ORDER_PRICED_KINDS.includes(kind)) {
      // Priced on the order (a share of its total, its shipping): without one it would be
      // booked at 0 while the coupon works on any cart.
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `A ${kind} gesture is priced on the ticket's order and ${input.ticket_id ? `ticket ${input.ticket_id}` : "this request"} has none: choose a fixed amount instead`
      )
    }
    const currency = (
      (choice !== "policy" ? choice.currency_code : undefined) ??
      // A share of the order (percentage, its shipping) is money of the order's currency,
      // whatever currency the category's policy names for its fixed amounts.
      (ORDER_PRICED_KINDS.includes(kind) ? order?.currency_code : undefined) ??
      policy?.currency_code ??
      order?.currency_code ??
      ""
    ).toLowerCase()
    if (!currency) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `A ${kind} gesture without an order needs a currency_code`
      )
    }
    const sold = await storeCurrencies(container)
    if (!sold.has(currency)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The store does not sell in ${currency}: a ${kind} gesture for customer ${input.customer_id} must be in one of ${[...sold].sort().join(", ") || "its currencies"}`
      )
    }
    if (order && kind !== "points" && currency !== order.currency_code) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The gesture's currency ${currency} differs from the order's ${order.currency_code}`
      )
    }
    // Free shipping is worth the old order's shipping before tax: a later cart's shipping tax
    // then brings the coupon back to what the order paid for shipping (the booked amount).
    const value = kind === "free_shipping" ? order!.shipping_net : chosenValue
    if (kind === "percentage" && value > 100) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `A percentage gesture cannot exceed 100`)
    }
    const amount = costOf(kind, value, currency, order, loyalty.point_values)
    if (!MathBN.gt(amount, 0)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `A ${kind} gesture of ${value} on ${input.order_id ? `order ${input.order_id}` : "this ticket"} would be worth nothing in ${currency}`
      )
    }

    const threshold = policy?.approval_above[currency]
    const status =
      threshold !== undefined && MathBN.gt(amount, threshold) ? "pending_approval" : "issued"
    const validityDays = policy?.validity_days ?? 60
    const plan: GesturePlan = {
      customer_id: input.customer_id,
      ticket_id: input.ticket_id ?? null,
      resolution_id: input.resolution_id ?? null,
      order_id: input.order_id ?? null,
      kind,
      value,
      amount: MathBN.convert(amount).toNumber(),
      currency_code: currency,
      status,
      code: COUPON_KINDS.includes(kind) ? newCouponCode() : null,
      expires_at: new Date(Date.now() + validityDays * DAY),
      requested_by: input.requested_by ?? null,
      idempotency_key: input.idempotency_key,
    }
    return new StepResponse<PrepareGestureStepOutput>({
      plan,
      existing_id: null,
      policy: policy ?? null,
      order_total: order?.total ?? null,
      skipped_reason: null,
    })
  }
)

/**
 * The live gesture already given on a proactive delay ticket, if any: one goodwill gesture per
 * delay incident, whether the shopper's "wait" or an agent's resolution came first. Both run
 * under the customer's gesture lock, so the check and the write cannot interleave.
 */
async function delayIncidentGestureOf(
  container: { resolve<T>(key: string): T },
  ticketId: string | null
): Promise<string | null> {
  if (!ticketId) {
    return null
  }
  const watches = container.resolve<DelayWatchService>(AftersalesModules.DELAY_WATCH)
  const [incident] = await watches.listDelayIncidents({ ticket_id: ticketId }, { select: ["id"] })
  if (!incident) {
    return null
  }
  const gestures = container.resolve<GesturesModuleService>(AftersalesModules.GESTURES)
  const [given] = await gestures.listGestures(
    { ticket_id: ticketId, status: [...LIVE_GESTURE_STATUSES] },
    { select: ["id"] }
  )
  return given?.id ?? null
}

/** 80 random bits, spelled without look-alike characters: unguessable and easy to type. */
function newCouponCode() {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
  const bytes = randomBytes(16)
  let code = ""
  for (const b of bytes) {
    code += alphabet[b % alphabet.length]
  }
  return `GW-${code}`
}

function assertKindAvailable(kind: GestureKind, container: { hasRegistration(k: string): boolean }) {
  if (kind === "store_credit" && !container.hasRegistration(STORE_CREDIT_MODULE)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Store credit gestures need @medusajs/loyalty-plugin, which is not installed in this store; choose another kind"
    )
  }
  if (kind === "points" && !container.hasRegistration(LOYALTY_POINTS_MODULE)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Points gestures need the loyalty points module, which is not registered in this store"
    )
  }
}

type OrderTotals = {
  currency_code: string
  total: number
  shipping_total: number
  /** The shipping the order paid, net of its tax. */
  shipping_net: number
}

async function loadOrder(container: any, orderId: string): Promise<OrderTotals> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "total", "shipping_total", "shipping_tax_total"],
    filters: { id: orderId },
  })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${orderId} was not found`)
  }
  return {
    currency_code: order.currency_code,
    total: MathBN.convert(order.total ?? 0).toNumber(),
    shipping_total: MathBN.convert(order.shipping_total ?? 0).toNumber(),
    shipping_net: MathBN.sub(order.shipping_total ?? 0, order.shipping_tax_total ?? 0)
      .decimalPlaces(2, ROUND_DOWN)
      .toNumber(),
  }
}

/**
 * What the gesture costs the store: money kinds at face value, a percentage of the order
 * (rounded down to the cent), the order's shipping for free shipping, points at the
 * currency's point value. For coupons this is also the promotion's fixed value, so a coupon
 * never takes more off a cart than what the budget and the threshold counted.
 */
function costOf(
  kind: GestureKind,
  value: number,
  currency: string,
  order: OrderTotals | null,
  pointValues: Record<string, number>
) {
  switch (kind) {
    case "fixed":
    case "store_credit":
      return MathBN.convert(value)
    case "percentage":
      return MathBN.div(MathBN.mult(order?.total ?? 0, value), 100).decimalPlaces(2, ROUND_DOWN)
    case "free_shipping":
      return MathBN.convert(order?.shipping_total ?? 0)
    case "points":
      return MathBN.mult(value, pointValues[currency] ?? 0)
  }
}
