import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MathBN,
  MedusaError,
  PaymentCollectionStatus,
} from "@medusajs/framework/utils"

/** Payment collections that still wait for money (core updates these to the order's due amount). */
export const OPEN_PAYMENT_COLLECTION_STATUSES: string[] = [
  PaymentCollectionStatus.NOT_PAID,
  PaymentCollectionStatus.AWAITING,
]

type CollectionRow = { id: string; amount: BigNumberInput; status: string; created_at: Date | string }

/** What an order still owes and the payment collection Medusa opened for it. */
export type OrderAmountDue = {
  order_id: string
  customer_id: string | null
  currency_code: string
  /** Core's `summary.pending_difference`, major units; ≤ 0 when nothing is owed. */
  amount_due: number
  /** The order's open payment collection (not paid / awaiting), or null. */
  payment_collection: { id: string; amount: number; status: string } | null
}

/**
 * Reads the order's pending difference and its open payment collection. After an exchange into
 * a dearer item, core's `confirmExchangeRequestWorkflow` has created (or updated) that
 * collection for the outstanding amount through `createOrUpdateOrderPaymentCollectionWorkflow`.
 */
export async function getOrderAmountDue(
  container: MedusaContainer,
  orderId: string
): Promise<OrderAmountDue> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "customer_id",
      "currency_code",
      "summary.*",
      "payment_collections.id",
      "payment_collections.amount",
      "payment_collections.status",
      "payment_collections.created_at",
    ],
    filters: { id: orderId },
  })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
  const summary = (order.summary ?? {}) as {
    pending_difference?: BigNumberInput
    raw_pending_difference?: BigNumberInput
  }
  const pending = MathBN.convert(summary.raw_pending_difference ?? summary.pending_difference ?? 0)
  const open = ((order.payment_collections ?? []) as CollectionRow[])
    .filter((pc) => pc && OPEN_PAYMENT_COLLECTION_STATUSES.includes(pc.status))
    .sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())[0]
  return {
    order_id: order.id,
    customer_id: order.customer_id ?? null,
    currency_code: order.currency_code,
    amount_due: pending.toNumber(),
    payment_collection: open
      ? { id: open.id, amount: MathBN.convert(open.amount).toNumber(), status: open.status }
      : null,
  }
}
