import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminGesture,
  AdminGestureListResponse,
  AdminGestureResponse,
} from "../../../types/http/gestures"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import { orderAftersalesQueryKeys } from "./order-aftersales"

/** Keys of the goodwill gestures lists (per ticket, customer, order or status). */
export const gestureQueryKeys = queryKeysFactory("gestures")
const overviewQueryKeys = queryKeysFactory("overview")

/** The filters of `GET /admin/gestures`. */
export type GestureListQuery = {
  limit?: number
  offset?: number
  status?: string
  kind?: string
  customer_id?: string
  order_id?: string
  ticket_id?: string
}

/** Gestures for the filters, newest first. */
export function useGestures(query: GestureListQuery, options?: { enabled?: boolean }) {
  return useQuery({
    queryKey: gestureQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminGestureListResponse>("/admin/gestures", { query }),
    enabled: options?.enabled ?? true,
  })
}

/**
 * A second admin approves a gesture held above the approval threshold; the server issues it
 * (a coupon gets its code). The one who asked for it is refused with a message to show.
 */
export function useApproveGesture() {
  const queryClient = useQueryClient()
  return useMutation<AdminGesture, FetchError, string>({
    mutationFn: async (id) =>
      (
        await sdk.client.fetch<AdminGestureResponse>(`/admin/gestures/${id}/approve`, {
          method: "POST",
          body: {},
        })
      ).gesture,
    onSuccess: (gesture) => {
      queryClient.invalidateQueries({ queryKey: gestureQueryKeys.lists() })
      queryClient.invalidateQueries({ queryKey: overviewQueryKeys.all })
      if (gesture.order_id) {
        queryClient.invalidateQueries({
          queryKey: orderAftersalesQueryKeys.detail(gesture.order_id),
        })
      }
    },
  })
}
