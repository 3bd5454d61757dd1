/** One customer's after-sales data, as `GET /admin/customers/:id/aftersales-export` answers it. */
export type AftersalesCustomerExport = {
  /** Format version of this document. */
  version: 1
  exported_at: string
  customer_id: string
  /** Null fields when the customer was deleted (only the id is kept). */
  customer: {
    id: string
    email: string | null
    first_name: string | null
    last_name: string | null
    has_account: boolean
    deleted_at: string | Date | null
  }
  loyalty: {
    balance: number
    pending: number
    /** Every ledger entry, oldest first. */
    transactions: Record<string, unknown>[]
  }
  /** Tickets with their messages (internal notes included) and resolutions, oldest first. */
  support_tickets: Record<string, unknown>[]
  gestures: Record<string, unknown>[]
  return_requests: Record<string, unknown>[]
}

/** Answer of `GET /admin/customers/:id/aftersales-export` (sent as a JSON download). */
export type AdminAftersalesExportResponse = { export: AftersalesCustomerExport }

/** What an erasure changed; every count is zero on a repeated run. */
export type AftersalesErasure = {
  customer_id: string
  /** Points taken back by the closing ledger entry (available and pending). */
  points_closed: number
  tickets_erased: number
  messages_erased: number
  resolutions_erased: number
  return_requests_erased: number
  /** Gestures that waited for approval and will never be issued. */
  gestures_cancelled: number
}

/** Answer of `POST /admin/customers/:id/aftersales-erase`. */
export type AdminAftersalesEraseResponse = { erasure: AftersalesErasure }
