import type { GestureKind, GestureStatus } from "../gestures"

/** A gesture as its customer sees it. */
export interface StoreGesture {
  id: string
  kind: GestureKind
  value: number
  currency_code: string
  status: GestureStatus
  /** The coupon code, for coupon kinds once issued. */
  code: string | null
  expires_at: string
  ticket_id: string | null
  order_id: string | null
  created_at: string
}

export interface StoreGestureListResponse {
  gestures: StoreGesture[]
  count: number
  offset: number
  limit: number
}

/** A gesture as an admin sees it. */
export interface AdminGesture extends StoreGesture {
  customer_id: string
  resolution_id: string | null
  amount: number
  promotion_id: string | null
  requested_by: string | null
  approved_by: string | null
  approved_at: string | null
  issued_at: string | null
  redeemed_order_id: string | null
  redeemed_at: string | null
}

export interface AdminGestureResponse {
  gesture: AdminGesture
}

export interface AdminGestureListResponse {
  gestures: AdminGesture[]
  count: number
  offset: number
  limit: number
}
