import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  addOrderTransactionStep,
  authorizePaymentSessionStep,
  capturePaymentWorkflow,
  createPaymentSessionsWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { returnLockKey } from "../lock"
import { ExchangePaymentInput, validateExchangePaymentStep } from "../steps/validate-exchange-payment"

export const payExchangeDifferenceWorkflowId = "pay-exchange-difference"

/** What was paid: the payment collection, or null when the order owed nothing any more. */
export type PayExchangeDifferenceWorkflowOutput = {
  payment_collection_id: string | null
}

/**
 * The shopper pays what a dearer exchange left owing, with Medusa's payment module: a payment
 * session on the order's open payment collection (the one the storefront started, e.g. through
 * core's `POST /store/payment-collections/:id/payment-sessions`, else a new one), authorized and
 * captured, which records the capture on the order so its pending difference drops to zero.
 * Under the order's return lock, so a retry or a second request at once finds nothing left to
 * pay instead of paying twice. A failed capture cancels the authorized payment.
 */
export const payExchangeDifferenceWorkflow = createWorkflow(
  payExchangeDifferenceWorkflowId,
  (input: ExchangePaymentInput) => {
    const lockKey = transform({ input }, ({ input }) => returnLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

    const checked = validateExchangePaymentStep(input)

    const created = when(
      "start-payment-session",
      { checked },
      ({ checked }) => !!checked.payment_collection_id && !checked.payment_session_id
    ).then(() =>
      createPaymentSessionsWorkflow.runAsStep({
        input: transform({ input, checked }, ({ input, checked }) => ({
          payment_collection_id: checked.payment_collection_id as string,
          provider_id: input.provider_id,
          customer_id: input.customer_id,
          data: input.data,
        })),
      })
    )

    const sessionId = transform({ checked, created }, ({ checked, created }) =>
      checked.payment_collection_id ? checked.payment_session_id ?? created?.id ?? null : null
    )
    // Returns null (nothing to authorize) when the order owes nothing any more.
    const payment = authorizePaymentSessionStep({ id: sessionId as unknown as string, context: {} })

    when("capture-payment", { payment }, ({ payment }) => !!payment && !payment.captured_at).then(() => {
      capturePaymentWorkflow.runAsStep({
        input: transform({ payment, input }, ({ payment, input }) => ({
          payment_id: payment!.id,
          captured_by: input.customer_id,
        })),
      })
    })

    // A provider that captures on authorization: the captures still belong on the order.
    when("record-provider-captures", { payment }, ({ payment }) => !!payment?.captured_at).then(() => {
      addOrderTransactionStep(
        transform({ payment, input }, ({ payment, input }) =>
          (payment!.captures ?? []).map((capture) => ({
            order_id: input.order_id,
            amount: capture.raw_amount ?? capture.amount,
            currency_code: payment!.currency_code,
            reference_id: capture.id,
            reference: "capture",
          }))
        )
      )
    })

    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(
      transform({ checked }, ({ checked }): PayExchangeDifferenceWorkflowOutput => ({
        payment_collection_id: checked.payment_collection_id,
      }))
    )
  }
)
