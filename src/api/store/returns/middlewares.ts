import {
  authenticate,
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { describeIssues } from "../../../modules/aftersales_settings/defaults"
import { checkRequest } from "../../../modules/return_rules/rules"
import { loadReturnContext, resolveReasonValues } from "../../../workflows/returns"
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
  _res: MedusaResponse,
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
