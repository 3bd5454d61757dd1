import { AftersalesErasure } from "../../types/http/privacy"

/** The text that replaces erased personal text: what was said is gone, that it was said stays. */
export const ERASED_TEXT = "[erased]"

/** Why a customer's after-sales data is erased. */
export type ErasureReason = "customer_deleted" | "erasure_request"

/** Input of `eraseCustomerAftersalesWorkflow`. */
export type EraseCustomerAftersalesInput = {
  /** The customer whose data is erased (deleted already, or asking for it). */
  customer_id: string
  reason: ErasureReason
  /** The admin user who ran an erasure request, if any. */
  requested_by?: string | null
}

/** What an erasure changed (the admin route answers it as `erasure`). */
export type EraseCustomerAftersalesOutput = AftersalesErasure
