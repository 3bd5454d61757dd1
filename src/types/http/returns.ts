import type { ExchangeBonus, LineOptions, Resolution } from "../returns"

export type { ExchangeBonus, LineOptions, Resolution }

/** A core return reason with what it allows under the store's rules. */
export interface ReturnReasonOption {
  id: string
  value: string
  label: string
  /** False when the reason allows an exchange or credit only. */
  refund_allowed: boolean
}

/** What a return request created, with the outcome read from the Order module now. */
export interface ReturnRequestSummary {
  id: string
  order_id: string
  resolution: Resolution
  keep_item: boolean
  items: { id: string; quantity: number; reason_id?: string | null }[]
  exchange_items: { variant_id: string; quantity: number }[] | null
  bonus_amount: number | null
  currency_code: string
  created_at: string
  /** The Medusa exchange (exchange requests). `difference_due` > 0: the shopper pays; < 0: refunded. */
  exchange: { id: string; difference_due: number | null; canceled_at: string | null } | null
  /**
   * A dearer exchange: Medusa's payment collection for what the order owed once the exchange was
   * confirmed. The shopper pays it with `POST /store/orders/:id/exchange-payment`; the new items
   * are not fulfilled until it is paid (`paid`).
   */
  payment: {
    payment_collection_id: string
    amount: number
    currency_code: string
    status: string
    paid: boolean
  } | null
  /** The Medusa return (refunds, and the returned side of an exchange). */
  return: {
    id: string
    status: string
    refund_amount: number | null
    received_at: string | null
    canceled_at: string | null
  } | null
}

/** The return options of an order: one entry per line, the reasons, and the requests made. */
export interface ReturnOptions {
  order_id: string
  currency_code: string
  lines: LineOptions[]
  reasons: ReturnReasonOption[]
  requests: ReturnRequestSummary[]
}

/** `GET /store/orders/:id/return-options` */
export interface StoreReturnOptionsResponse {
  return_options: ReturnOptions
}

/** `POST /store/orders/:id/return-requests` */
export interface StoreReturnRequestResponse {
  return_request: ReturnRequestSummary
}

/** What an order owes after a dearer exchange, and whether it is paid. */
export interface ExchangePayment {
  order_id: string
  payment_collection_id: string
  /** The payment collection's amount: what the shopper pays (or paid). */
  amount: number
  currency_code: string
  status: string
  paid: boolean
}

/** `POST /store/orders/:id/exchange-payment` */
export interface StoreExchangePaymentResponse {
  exchange_payment: ExchangePayment
}
