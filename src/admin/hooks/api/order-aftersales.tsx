import { useQuery } from "@tanstack/react-query"
import type { AdminOrderAftersalesResponse } from "../../../types/http/order-aftersales"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"

/** Keys of an order's after-sales summary (points, tickets, gestures, delay, returns). */
export const orderAftersalesQueryKeys = queryKeysFactory("order-aftersales")

/** Everything the order widget shows, from `GET /admin/orders/:id/aftersales`. */
export function useOrderAftersales(orderId: string) {
  return useQuery({
    queryKey: orderAftersalesQueryKeys.detail(orderId),
    queryFn: () =>
      sdk.client.fetch<AdminOrderAftersalesResponse>(`/admin/orders/${orderId}/aftersales`),
    enabled: !!orderId,
  })
}
