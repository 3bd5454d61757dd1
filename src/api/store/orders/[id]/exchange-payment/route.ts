import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN, PaymentCollectionStatus } from "@medusajs/framework/utils"
import ReturnRulesModuleService from "../../../../../modules/return_rules/service"
import type { StoreExchangePaymentResponse } from "../../../../../types/http/returns"
import { AftersalesModules } from "../../../../../types/modules"
import { assertOrderOwner, payExchangeDifferenceWorkflow } from "../../../../../workflows/returns"
import { StorePayExchangeDifferenceType } from "./validators"

/**
 * Pays what the shopper's dearer exchange left owing on the order, through Medusa's payment
 * collection. Idempotent: once the order owes nothing, a retry answers the paid collection.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StorePayExchangeDifferenceType>,
  res: MedusaResponse<StoreExchangePaymentResponse>
) => {
  const orderId = req.params.id
  const customerId = req.auth_context.actor_id
  await assertOrderOwner(req.scope, orderId, customerId)

  const { result } = await payExchangeDifferenceWorkflow(req.scope).run({
    input: { ...req.validatedBody, order_id: orderId, customer_id: customerId },
  })

  // Nothing was owed any more (a retry): answer the collection of the shopper's latest exchange.
  const collectionId = result.payment_collection_id ?? (await latestExchangeCollection(req, orderId, customerId))
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: collections } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "amount", "currency_code", "status"],
    filters: { id: collectionId },
  })
  const collection = collections[0]
  res.json({
    exchange_payment: {
      order_id: orderId,
      payment_collection_id: collection.id,
      amount: MathBN.convert(collection.amount).toNumber(),
      currency_code: collection.currency_code,
      status: collection.status,
      paid: collection.status === PaymentCollectionStatus.COMPLETED,
    },
  })
}

async function latestExchangeCollection(
  req: AuthenticatedMedusaRequest,
  orderId: string,
  customerId: string
): Promise<string> {
  const service: ReturnRulesModuleService = req.scope.resolve(AftersalesModules.RETURN_RULES)
  const requests = await service.listReturnRequests(
    { order_id: orderId, customer_id: customerId, resolution: "exchange" },
    { order: { created_at: "DESC" } }
  )
  // The workflow refused an order without such a request, so one is there.
  return requests.find((r) => r.payment_collection_id)!.payment_collection_id as string
}
