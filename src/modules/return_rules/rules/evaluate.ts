import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { computeExchangeBonus, isBelowKeepThreshold, keepItemValue, toAmount } from "./money"
import type {
  ExchangeBonus,
  LineOptions,
  LineWindow,
  Resolution,
  ResolutionOption,
  ReturnSettings,
  RuleEnvironment,
  RuleLine,
  RuleOrder,
  RuleRefusal,
} from "./types"
import { applyOverrides, resolveWindowAnchor, windowEnd } from "./window"

/**
 * Evaluates every rule for one order line at `env.now`: order state, fulfilment, final sale,
 * the window (with overrides), what is left to return, then each resolution in offer order.
 */
export function evaluateLine(
  line: RuleLine,
  order: Pick<RuleOrder, "created_at" | "currency_code" | "canceled">,
  settings: ReturnSettings,
  env: RuleEnvironment
): LineOptions {
  const verdict = applyOverrides(settings.overrides, line.product)
  let window: LineWindow | null = null
  let refusal: RuleRefusal | undefined

  if (order.canceled) {
    refusal = { code: "order_canceled", message: "The order was canceled." }
  } else if (line.fulfilled_quantity <= 0) {
    refusal = { code: "not_fulfilled", message: `Item ${line.id} has not been sent yet.` }
  } else if (verdict.final_sale) {
    refusal = { code: "final_sale", message: `Item ${line.id} is a final sale item.` }
  } else {
    const days = verdict.window_days ?? settings.window_days
    const anchor = resolveWindowAnchor(settings.window_start, line, order.created_at)
    const endsAt = windowEnd(anchor.starts_at, days)
    const open = env.now.getTime() <= endsAt.getTime()
    window = {
      days,
      starts_from: anchor.starts_from,
      starts_at: anchor.starts_at.toISOString(),
      ends_at: endsAt.toISOString(),
      open,
    }
    if (!open) {
      refusal = {
        code: "window_closed",
        message: `The return window of item ${line.id} closed on ${endsAt.toISOString().slice(0, 10)}.`,
      }
    } else if (line.returnable_quantity <= 0) {
      refusal = {
        code: "nothing_left_to_return",
        message: `Every unit of item ${line.id} is already returned or requested for return.`,
      }
    }
  }

  const returnable = !refusal
  return {
    item_id: line.id,
    title: line.title,
    quantity: line.quantity,
    returnable_quantity: returnable ? line.returnable_quantity : 0,
    returnable,
    ...(refusal ? { reason: refusal } : {}),
    final_sale: verdict.final_sale,
    window,
    keep_item:
      returnable &&
      isBelowKeepThreshold(
        settings.keep_item_below,
        order.currency_code,
        keepItemValue([{ unit_price: line.unit_price, returned_quantity: line.returned_quantity, quantity: 1 }])
      ),
    resolutions: offerResolutions(line, settings, env, refusal),
  }
}

function offerResolutions(
  line: RuleLine,
  settings: ReturnSettings,
  env: RuleEnvironment,
  refusal: RuleRefusal | undefined
): ResolutionOption[] {
  const exchangeOnly = Object.entries(settings.reasons)
    .filter(([, rule]) => rule === "exchange_only")
    .map(([value]) => value)
  const bonus = computeExchangeBonus(settings.exchange_bonus, line.unit_price, env.store_credit_available)
  if (refusal) {
    return [
      { type: "exchange", allowed: false, reason: refusal, bonus },
      { type: "store_credit", allowed: false, reason: refusal },
      { type: "refund", allowed: false, reason: refusal, exchange_only_reasons: exchangeOnly },
    ]
  }
  return [
    { type: "exchange", allowed: true, bonus },
    env.store_credit_available
      ? { type: "store_credit", allowed: true }
      : { type: "store_credit", allowed: false, reason: STORE_CREDIT_UNAVAILABLE },
    { type: "refund", allowed: true, exchange_only_reasons: exchangeOnly },
  ]
}

const STORE_CREDIT_UNAVAILABLE: RuleRefusal = {
  code: "store_credit_unavailable",
  message: "Store credit needs @medusajs/loyalty-plugin, which this store does not run.",
}

/** One line of a request, with its return reason's `value` when one was given. */
export type RequestedLine = { id: string; quantity: number; reason_value?: string | null }

/** What a request that passes the rules comes to. */
export type CheckedRequest = {
  /** Unit price × quantity of the returned lines, major units. */
  returned_value: number
  /**
   * The shopper keeps the goods: nothing is sent back (refund or credit only). Decided on the
   * returned lines' whole returned quantity, not this request's alone (`keepItemValue`).
   */
  keep_item: boolean
  /** Exchange only: the bonus for the whole request. */
  bonus?: ExchangeBonus
}

/**
 * Checks a request against the evaluated lines and throws a `MedusaError` (with the rule's
 * code) at the first rule it breaks. The same check guards our route and core's
 * `POST /store/returns`.
 */
export function checkRequest(
  order: Pick<RuleOrder, "currency_code" | "lines">,
  options: LineOptions[],
  request: { resolution: Resolution; items: RequestedLine[] },
  settings: ReturnSettings,
  env: RuleEnvironment
): CheckedRequest {
  if (!request.items.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A return request needs at least one item.")
  }
  const seen = new Set<string>()
  let value = MathBN.convert(0)
  const kept: Parameters<typeof keepItemValue>[0] = []
  for (const item of request.items) {
    if (seen.has(item.id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Item ${item.id} is listed twice.`)
    }
    seen.add(item.id)
    const line = order.lines.find((l) => l.id === item.id)
    const lineOptions = options.find((o) => o.item_id === item.id)
    if (!line || !lineOptions) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Item ${item.id} is not part of this order.`)
    }
    if (!lineOptions.returnable && lineOptions.reason) {
      throw refusalError(lineOptions.reason)
    }
    if (item.quantity > lineOptions.returnable_quantity) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Only ${lineOptions.returnable_quantity} of item ${item.id} can still be returned.`,
        "nothing_left_to_return"
      )
    }
    if (
      request.resolution === "refund" &&
      item.reason_value &&
      settings.reasons[item.reason_value] === "exchange_only"
    ) {
      throw refusalError({
        code: "reason_exchange_only",
        message: `Return reason "${item.reason_value}" allows an exchange or store credit, not a refund.`,
      })
    }
    value = MathBN.add(value, MathBN.mult(line.unit_price, item.quantity))
    kept.push({ unit_price: line.unit_price, returned_quantity: line.returned_quantity, quantity: item.quantity })
  }
  if (request.resolution === "store_credit" && !env.store_credit_available) {
    throw refusalError(STORE_CREDIT_UNAVAILABLE)
  }
  const isExchange = request.resolution === "exchange"
  return {
    returned_value: toAmount(value),
    keep_item:
      !isExchange && isBelowKeepThreshold(settings.keep_item_below, order.currency_code, keepItemValue(kept)),
    ...(isExchange
      ? {
          bonus: computeExchangeBonus(settings.exchange_bonus, value, env.store_credit_available),
        }
      : {}),
  }
}

function refusalError(refusal: RuleRefusal) {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal.message, refusal.code)
}

/**
 * An exchange sends out no more units than come back: the new items' units, summed, must not
 * exceed the returned units. Each quantity must be a whole positive number (a direct workflow run
 * has no route validator in front of it).
 */
export function checkExchangeUnits(
  returned: { quantity: number }[],
  exchanged: { quantity: number }[]
): void {
  for (const line of [...returned, ...exchanged]) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Quantity ${line.quantity} is not a whole number of units of at least 1.`
      )
    }
  }
  const back = returned.reduce((sum, l) => MathBN.add(sum, l.quantity), MathBN.convert(0))
  const out = exchanged.reduce((sum, l) => MathBN.add(sum, l.quantity), MathBN.convert(0))
  if (MathBN.gt(out, back)) {
    throw refusalError({
      code: "exchange_exceeds_returned",
      message: `An exchange sends out at most the units returned: ${out.toNumber()} new units asked for ${back.toNumber()} returned.`,
    })
  }
}
