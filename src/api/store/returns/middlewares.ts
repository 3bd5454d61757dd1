import {
  authenticate,
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { setTimeout as sleep } from "timers/promises"
import { describeIssues } from "../../../utils/describe-issues"
import { checkRequest } from "../../../modules/return_rules/rules"
import { loadReturnContext, resolveReasonValues, returnLockKey } from "../../../workflows/returns"
import { StoreCreateCoreReturn, StoreCreateCoreReturnQuery } from "./validators"

/** Fields core accepts that a shopper may never set, and why (named in the 400). */
const REFUSED_FIELDS: Record<string, string> = {
  receive_now:
    "receive_now is not accepted from a shopper: the store marks a return received when the goods arrive.",
  location_id:
    "location_id is not accepted from a shopper: the store decides where returned goods go.",
}

/**
 * Core's return route trusts anyone who knows an order id. Here it obeys the same rules as
 * our return requests: the logged-in owner only, inside the window, no final sale, no refund
 * for an exchange-only reason, whole units within what is left to return, a real return
 * shipping option. It denies by default: a body or query it cannot parse with its own strict
 * schema is a 400 and never reaches core, and `req.validatedBody` is replaced by what was checked.
 */
export async function enforceReturnRules(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    // The raw body, not core's parsed copy: core's schema keeps `receive_now` and drops unknown
    // nested keys, and whether core's validator ran before this middleware is not ours to rely on.
    const raw = (req.body ?? {}) as Record<string, unknown>
    const refused =
      raw && typeof raw === "object" ? Object.keys(REFUSED_FIELDS).find((k) => k in raw) : undefined
    if (refused) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, REFUSED_FIELDS[refused])
    }
    const body = StoreCreateCoreReturn.safeParse(raw)
    if (!body.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: ${describeIssues(body.error.issues)}`
      )
    }
    const query = StoreCreateCoreReturnQuery.safeParse(req.query ?? {})
    if (!query.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid query: ${describeIssues(query.error.issues)}`
      )
    }

    const { order_id, items, return_shipping } = body.data
    await holdOrderLockUntilAnswered(req, res, order_id)
    const context = await loadReturnContext(req.scope, order_id)
    if (context.order.customer_id !== req.auth_context.actor_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${order_id} was not found`)
    }
    const reasons = await resolveReasonValues(
      req.scope,
      items.map((i) => i.reason_id).filter(Boolean) as string[]
    )
    checkRequest(
      context.order,
      context.lines,
      {
        resolution: "refund",
        items: items.map((i) => ({
          id: i.id,
          quantity: i.quantity,
          reason_value: i.reason_id ? reasons.get(i.reason_id) : null,
        })),
      },
      context.settings,
      context.env
    )
    await assertReturnShippingOption(req, return_shipping.option_id)

    req.validatedBody = body.data
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * Two returns of the same units at once both passed the checks and core created both (4 of 2
 * units asked back). The order's return lock (shared with our return-request workflow) is
 * taken before the checks and held until core's route has answered, so they take turns.
 */
async function holdOrderLockUntilAnswered(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  orderId: string
) {
  const locking = req.scope.resolve(Modules.LOCKING)
  const key = returnLockKey(orderId)
  const ownerId = `store-returns:${randomUUID()}`
  const tryUntil = Date.now() + LOCK_WAIT_MS
  for (;;) {
    try {
      await locking.acquire(key, { ownerId, expire: LOCK_TTL_SECONDS })
      break
    } catch (e) {
      if (Date.now() >= tryUntil) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Another return of order ${orderId} is being created; try again in a moment.`
        )
      }
    }
    await sleep(LOCK_RETRY_MS)
  }
  let released = false
  const release = () => {
    if (!released) {
      released = true
      void locking.release(key, { ownerId }).catch(() => undefined)
    }
  }
  res.once("finish", release)
  res.once("close", release)
}

const LOCK_WAIT_MS = 30_000
const LOCK_RETRY_MS = 300
// Expires on its own if a response never ends (a crashed request), as the workflow's lock does.
const LOCK_TTL_SECONDS = 120

/**
 * Core takes any shipping option id here, an outbound one included. Only an option the store
 * offers for returns (rules `is_return` and `enabled_in_store` both "true") is accepted.
 */
async function assertReturnShippingOption(req: AuthenticatedMedusaRequest, optionId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [option],
  } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "rules.attribute", "rules.operator", "rules.value"],
    filters: { id: optionId },
  })
  const rules: { attribute: string; operator: string; value: unknown }[] = (option?.rules ?? []).filter(Boolean)
  const holds = (attribute: string) =>
    rules.some((r) => r.attribute === attribute && r.operator === "eq" && String(r.value) === "true")
  if (!option || !holds("is_return") || !holds("enabled_in_store")) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Shipping option ${optionId} is not a return shipping option of this store.`
    )
  }
}

export const storeReturnsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/returns",
    middlewares: [authenticate("customer", ["session", "bearer"]), enforceReturnRules],
  },
]
