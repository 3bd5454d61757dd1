import {
  authenticate,
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { checkRequest } from "../../../modules/return_rules/rules"
import { loadReturnContext, resolveReasonValues } from "../../../workflows/returns"

/** The part of core's `POST /store/returns` body the rules look at. */
const CoreReturnBody = z.object({
  order_id: z.string().min(1),
  items: z.array(
    z.object({
      id: z.string().min(1),
      quantity: z.number().int().positive(),
      reason_id: z.string().nullish(),
    })
  ),
})

/**
 * Core's return route trusts anyone who knows an order id. Here it obeys the same rules as
 * our return requests: the logged-in owner only, inside the window, no final sale, no refund
 * for an exchange-only reason. A body core would refuse anyway is left to core's validator.
 */
export async function enforceReturnRules(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const body = CoreReturnBody.safeParse(req.validatedBody ?? req.body)
  if (!body.success) {
    return next()
  }
  try {
    const { order_id, items } = body.data
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
    next()
  } catch (e) {
    next(e)
  }
}

export const storeReturnsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/returns",
    middlewares: [authenticate("customer", ["session", "bearer"]), enforceReturnRules],
  },
]
