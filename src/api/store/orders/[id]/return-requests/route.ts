import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import ReturnRulesModuleService from "../../../../../modules/return_rules/service"
import type { StoreReturnRequestResponse } from "../../../../../types/http/returns"
import { AftersalesModules } from "../../../../../types/modules"
import {
  assertOrderOwner,
  createReturnRequestWorkflow,
  listReturnRequests,
} from "../../../../../workflows/returns"
import { StoreCreateReturnRequestType } from "./validators"

/**
 * Creates a real Medusa exchange or return after checking every rule. With an
 * `Idempotency-Key` header, a replay (or a race with itself) answers the first request's result
 * instead of creating a second.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCreateReturnRequestType>,
  res: MedusaResponse<StoreReturnRequestResponse>
) => {
  const orderId = req.params.id
  const customerId = req.auth_context.actor_id
  await assertOrderOwner(req.scope, orderId, customerId)

  const header = req.get("idempotency-key")?.trim()
  if (header !== undefined && (header.length < 1 || header.length > 200)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The Idempotency-Key header must be 1 to 200 characters long."
    )
  }
  const replay = header ? await findByKey(req, orderId, customerId, header) : null
  if (replay) {
    res.json({ return_request: replay })
    return
  }

  try {
    const { result } = await createReturnRequestWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        order_id: orderId,
        customer_id: customerId,
        idempotency_key: header ?? randomUUID(),
      },
    })
    const [created] = await listReturnRequests(req.scope, orderId, [result.id])
    res.json({ return_request: created })
  } catch (e) {
    // The same key sent twice at once: the first one won the lock and created the request.
    const winner = header ? await findByKey(req, orderId, customerId, header) : null
    if (!winner) {
      throw e
    }
    res.json({ return_request: winner })
  }
}

async function findByKey(
  req: AuthenticatedMedusaRequest,
  orderId: string,
  customerId: string,
  key: string
) {
  const service: ReturnRulesModuleService = req.scope.resolve(AftersalesModules.RETURN_RULES)
  const [existing] = await service.listReturnRequests({ customer_id: customerId, idempotency_key: key })
  if (!existing) {
    return null
  }
  if (existing.order_id !== orderId) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Idempotency-Key ${key} was already used for another order.`
    )
  }
  const [summary] = await listReturnRequests(req.scope, orderId, [existing.id])
  return summary
}
