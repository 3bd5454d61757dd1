import { OrderWorkflow } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  beginExchangeOrderWorkflow,
  beginReturnOrderWorkflow,
  confirmExchangeRequestWorkflow,
  confirmReturnRequestWorkflow,
  emitEventStep,
  orderExchangeAddNewItemWorkflow,
  orderExchangeRequestItemReturnWorkflow,
  receiveAndCompleteReturnOrderWorkflow,
  releaseLockStep,
  requestItemReturnWorkflow,
  updatePaymentCollectionStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { AftersalesEvents } from "../../../types/events"
import { sendAftersalesNotificationStep } from "../../notifications"
import { returnLockKey } from "../lock"
import { createReturnRequestRecordStep } from "../steps/create-return-request"
import { OrderAmountDue } from "../order-amount-due"
import { getOrderAmountDueStep } from "../steps/get-order-amount-due"
import { linkReturnRequestStep } from "../steps/link-return-request"
import {
  ReturnRequestInput,
  ValidatedReturnRequest,
  validateReturnRequestStep,
} from "../steps/validate-return-request"

export const createReturnRequestWorkflowId = "create-return-request"

/** The request and the Medusa records it created. */
export type CreateReturnRequestWorkflowOutput = {
  id: string
  exchange_id: string | null
  return_id: string | null
  /** Dearer exchange: Medusa's payment collection for what the order now owes. */
  payment_collection_id: string | null
}

/**
 * A shopper's return request, end to end: under a lock on the order, checks every rule, records
 * the request (claiming its idempotency key), then creates the real thing with core's
 * order-change workflows — an exchange (returned items, new items, the bonus off their price,
 * difference owed through Medusa's payment collection, whose id the request keeps) or a return (received at once when the
 * shopper keeps the goods) — and emits `return_request.created`. A failure anywhere undoes it all.
 */
export const createReturnRequestWorkflow = createWorkflow(
  createReturnRequestWorkflowId,
  (input: ReturnRequestInput) => {
    const lockKey = transform({ input }, ({ input }) => returnLockKey(input.order_id))
    // Two requests on one order at once would both pass the quantity check; Medusa also allows
    // one active order change per order. The lock makes them take turns.
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

    const checked = validateReturnRequestStep(input)

    const recordInput = transform({ input, checked }, ({ input, checked }) => ({
      order_id: input.order_id,
      customer_id: input.customer_id,
      idempotency_key: input.idempotency_key,
      resolution: input.resolution,
      keep_item: checked.keep_item,
      items: input.items,
      exchange_items: input.resolution === "exchange" ? input.exchange_items ?? [] : null,
      bonus_amount: checked.bonus_amount,
      currency_code: checked.currency_code,
    }))
    const record = createReturnRequestRecordStep(recordInput)

    const exchangeResult = when("create-exchange", { input }, ({ input }) => input.resolution === "exchange").then(() => {
      const dueBefore = getOrderAmountDueStep({ order_id: input.order_id }).config({
        name: "amount-due-before-exchange",
      })
      const change = beginExchangeOrderWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          order_id: input.order_id,
          created_by: input.customer_id,
          description: "Exchange requested by the customer",
        })),
      })
      const exchangeId = transform({ change }, ({ change }) => change.exchange_id as string)
      orderExchangeRequestItemReturnWorkflow.runAsStep({
        // Core's type asks for a return_id, but the workflow creates the exchange's return
        // itself (as core's admin route relies on); only exchange_id and items are read.
        input: transform({ input, exchangeId }, ({ input, exchangeId }) => ({
          exchange_id: exchangeId,
          items: input.items.map((i) => ({ id: i.id, quantity: i.quantity, reason_id: i.reason_id ?? undefined })),
        })) as unknown as OrderWorkflow.OrderExchangeRequestItemReturnWorkflowInput,
      })
      orderExchangeAddNewItemWorkflow.runAsStep({
        input: transform({ checked, exchangeId }, ({ checked, exchangeId }) => ({
          exchange_id: exchangeId,
          items: checked.exchange_items,
        })),
      })
      confirmExchangeRequestWorkflow.runAsStep({
        input: transform({ input, exchangeId }, ({ input, exchangeId }) => ({
          exchange_id: exchangeId,
          confirmed_by: input.customer_id,
        })),
      })
      const { data: exchanges } = useQueryGraphStep({
        entity: "order_exchange",
        fields: ["id", "return_id"],
        filters: { id: exchangeId },
      }).config({ name: "exchange-after-confirm" })
      const dueAfter = getOrderAmountDueStep({ order_id: input.order_id }).config({
        name: "amount-due-after-exchange",
      })
      const charge = transform({ dueBefore, dueAfter, checked }, exchangeCharge)
      // Core's confirmation opened (or updated) the order's payment collection for everything the
      // order now owes, the new items in full: the returned ones are only credited when received.
      // The shopper pays the exchange's difference, so the collection asks exactly that.
      updatePaymentCollectionStep(
        transform({ charge }, ({ charge }) =>
          charge
            ? { selector: { id: charge.payment_collection_id }, update: { amount: charge.amount } }
            : { selector: null as unknown as { id: string }, update: {} }
        )
      )
      return transform({ exchanges, charge }, ({ exchanges, charge }) => ({
        exchange_id: exchanges[0].id as string,
        return_id: (exchanges[0].return_id as string) ?? null,
        payment_collection_id: charge?.payment_collection_id ?? null,
      }))
    })

    const returnResult = when("create-return", { input }, ({ input }) => input.resolution !== "exchange").then(() => {
      const change = beginReturnOrderWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          order_id: input.order_id,
          created_by: input.customer_id,
          description: `Return requested by the customer (${input.resolution})`,
        })),
      })
      const returnId = transform({ change }, ({ change }) => change.return_id as string)
      const returnItems = transform({ input }, ({ input }) =>
        input.items.map((i) => ({ id: i.id, quantity: i.quantity, reason_id: i.reason_id ?? undefined }))
      )
      requestItemReturnWorkflow.runAsStep({
        input: transform({ returnId, returnItems }, ({ returnId, returnItems }) => ({
          return_id: returnId,
          items: returnItems,
        })),
      })
      confirmReturnRequestWorkflow.runAsStep({
        input: transform({ input, returnId }, ({ input, returnId }) => ({
          return_id: returnId,
          confirmed_by: input.customer_id,
        })),
      })
      return transform({ returnId }, ({ returnId }) => ({ exchange_id: null, return_id: returnId }))
    })

    // Below the keep-the-item threshold nothing comes back: the return is received at once
    // (no restock), so Medusa owes the refund right away. (`when` blocks cannot nest.)
    when("receive-kept-items", { checked, returnResult }, ({ checked, returnResult }) =>
      checked.keep_item && !!returnResult?.return_id
    ).then(() => {
      receiveAndCompleteReturnOrderWorkflow.runAsStep({
        input: transform({ input, returnResult }, ({ input, returnResult }) => ({
          return_id: returnResult!.return_id as string,
          created_by: input.customer_id,
          items: input.items.map((i) => ({ id: i.id, quantity: i.quantity })),
          description: "Kept by the customer (below the keep-the-item threshold)",
        })),
      })
    })

    const created = transform(
      { record, exchangeResult, returnResult },
      ({ record, exchangeResult, returnResult }): CreateReturnRequestWorkflowOutput => ({
        id: record.id,
        exchange_id: exchangeResult?.exchange_id ?? null,
        return_id: exchangeResult?.return_id ?? returnResult?.return_id ?? null,
        payment_collection_id: exchangeResult?.payment_collection_id ?? null,
      })
    )
    linkReturnRequestStep(created)

    emitEventStep({
      eventName: AftersalesEvents.RETURN_REQUEST_CREATED,
      data: transform({ created, input }, ({ created, input }) => ({
        id: created.id,
        order_id: input.order_id,
        customer_id: input.customer_id,
        resolution: input.resolution,
        exchange_id: created.exchange_id,
        return_id: created.return_id,
      })),
    })

    when("notify-shopper", { checked }, ({ checked }) => !!checked.email).then(() => {
      sendAftersalesNotificationStep(
        transform({ created, checked, input }, ({ created, checked, input }) => ({
          template: "aftersales.returns.request_created",
          to: checked.email as string,
          locale: checked.locale,
          idempotency_key: `return_request.created:${created.id}`,
          resource_id: created.id,
          resource_type: "return_request",
          receiver_id: input.customer_id,
          data: {
            order_id: input.order_id,
            resolution: input.resolution,
            keep_item: checked.keep_item,
            item_count: input.items.reduce((sum, i) => sum + i.quantity, 0),
            bonus_amount: checked.bonus_amount,
            currency_code: checked.currency_code,
          },
        }))
      )
    })

    const requestCreated = createHook("returnRequestCreated", { return_request: created, input })

    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(created, { hooks: [requestCreated] })
  }
)

/**
 * What a dearer exchange asks the shopper to pay now: what core added to the order's due amount
 * for the new items (bonus already off their price) less the returned units' value, on top of
 * what the same open collection already asked for, and never more than the order owes. Null when
 * the exchange is not dearer or the order owes nothing (e.g. an earlier refund covers it).
 */
export function exchangeCharge({
  dueBefore,
  dueAfter,
  checked,
}: {
  dueBefore: OrderAmountDue
  dueAfter: OrderAmountDue
  checked: ValidatedReturnRequest
}): { payment_collection_id: string; amount: number } | null {
  const newItems = MathBN.sub(dueAfter.amount_due, dueBefore.amount_due)
  const difference = MathBN.sub(newItems, checked.returned_value)
  const collection = dueAfter.payment_collection
  if (!collection || MathBN.lte(difference, 0) || dueAfter.amount_due <= 0) {
    return null
  }
  const askedBefore =
    dueBefore.payment_collection?.id === collection.id ? dueBefore.payment_collection.amount : 0
  const amount = MathBN.min(MathBN.add(askedBefore, difference), dueAfter.amount_due)
  return { payment_collection_id: collection.id, amount: amount.toNumber() }
}
