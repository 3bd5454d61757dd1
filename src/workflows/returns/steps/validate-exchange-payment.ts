import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import ReturnRulesModuleService from "../../../modules/return_rules/service"
import { AftersalesModules } from "../../../types/modules"
import { getOrderAmountDue } from "../order-amount-due"

export const validateExchangePaymentStepId = "validate-exchange-payment"

/** A shopper paying what their exchange left owing. */
export type ExchangePaymentInput = {
  /** The order whose exchange difference is paid. */
  order_id: string
  /** The logged-in customer; must own the order. */
  customer_id: string
  /** The payment provider, enabled in the order's region (e.g. `pp_system_default`). */
  provider_id: string
  /** Data for the provider when a new payment session is created. */
  data?: Record<string, unknown>
}

/** What to pay, or nothing when the order owes nothing any more. */
export type ValidatedExchangePayment = {
  /** The open payment collection to pay, or null when it is paid already. */
  payment_collection_id: string | null
  /** A session of the provider the storefront already started (e.g. through core's route). */
  payment_session_id: string | null
}

type SessionRow = {
  id: string
  provider_id: string
  status: string
  amount: BigNumberInput
  created_at: Date | string
}

const REUSABLE_SESSION_STATUSES: string[] = [
  PaymentSessionStatus.PENDING,
  PaymentSessionStatus.REQUIRES_MORE,
  PaymentSessionStatus.AUTHORIZED,
]

/**
 * Checks that the order is the shopper's (else 404), that one of their exchanges on it left
 * something to pay (else 400), that the provider is offered in the order's region (else 400), and
 * finds Medusa's open payment collection and any session the storefront started on it. An order
 * that owes nothing, or has no collection waiting for money, has nothing to pay: a retried payment
 * does not pay twice. Reads only; nothing to compensate.
 */
export const validateExchangePaymentStep = createStep(
  validateExchangePaymentStepId,
  async (input: ExchangePaymentInput, { container }) => {
    const due = await getOrderAmountDue(container, input.order_id)
    if (due.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
    }
    const service: ReturnRulesModuleService = container.resolve(AftersalesModules.RETURN_RULES)
    const requests = await service.listReturnRequests({
      order_id: input.order_id,
      customer_id: input.customer_id,
      resolution: "exchange",
    })
    if (!requests.some((r) => r.payment_collection_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${input.order_id} has no exchange that leaves something to pay.`
      )
    }
    // Paid already (a retry, or two requests at once that took turns on the lock), or nothing
    // is waiting for money: nothing to pay, the route answers the collection as it is.
    if (due.amount_due <= 0 || !due.payment_collection) {
      return new StepResponse<ValidatedExchangePayment>({ payment_collection_id: null, payment_session_id: null })
    }
    await assertProviderInRegion(container, input.order_id, input.provider_id)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: sessions } = await query.graph({
      entity: "payment_session",
      fields: ["id", "provider_id", "status", "amount", "created_at"],
      filters: { payment_collection_id: due.payment_collection.id },
    })
    const collection = due.payment_collection
    // A session started for an older amount (the collection changed since) is not reused.
    const session = (sessions as SessionRow[])
      .filter(
        (s) =>
          s.provider_id === input.provider_id &&
          REUSABLE_SESSION_STATUSES.includes(s.status) &&
          MathBN.eq(s.amount, collection.amount)
      )
      .sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())[0]
    return new StepResponse<ValidatedExchangePayment>({
      payment_collection_id: due.payment_collection.id,
      payment_session_id: session?.id ?? null,
    })
  }
)

/** A provider the order's region does not offer is a 400 that names it, before any session. */
async function assertProviderInRegion(container: MedusaContainer, orderId: string, providerId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "region.payment_providers.id"],
    filters: { id: orderId },
  })
  const offered = ((order?.region?.payment_providers ?? []) as { id: string }[]).some((p) => p?.id === providerId)
  if (!offered) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Payment provider ${providerId} is not offered in the order's region.`
    )
  }
}
