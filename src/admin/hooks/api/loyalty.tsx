import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminCustomerLoyaltyResponse,
  AdminLoyaltyAdjustmentBody,
  AdminLoyaltyAdjustmentResponse,
} from "../../../types/http/loyalty"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import { orderAftersalesQueryKeys } from "./order-aftersales"

/** Keys of a customer's points: one detail per customer and ledger page. */
export const loyaltyQueryKeys = queryKeysFactory("loyalty")
const overviewQueryKeys = queryKeysFactory("overview")

/** A page of the ledger (`GET /admin/customers/:id/loyalty` takes 1–100 and offset ≥ 0). */
export type CustomerLoyaltyQuery = { limit?: number; offset?: number }

/** A customer's balance, pending points, tier, next expiry and a page of their ledger. */
export function useCustomerLoyalty(customerId: string, query: CustomerLoyaltyQuery = {}) {
  return useQuery({
    queryKey: loyaltyQueryKeys.detail(customerId, query),
    queryFn: () =>
      sdk.client.fetch<AdminCustomerLoyaltyResponse>(`/admin/customers/${customerId}/loyalty`, {
        query,
      }),
    // Keeps the previous ledger page on screen while the next one loads.
    placeholderData: (previous) => previous,
    enabled: !!customerId,
  })
}

/**
 * Adds or removes points with a reason. Each submit carries its own `Idempotency-Key`, so a
 * retried request (double click, flaky network) adjusts once. Afterwards the customer's pages
 * of the ledger, the order widgets (points) and the overview (liability) are stale.
 */
export function useAdjustCustomerPoints(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, key }: { body: AdminLoyaltyAdjustmentBody; key: string }) =>
      sdk.client.fetch<AdminLoyaltyAdjustmentResponse>(
        `/admin/customers/${customerId}/loyalty/adjustments`,
        { method: "POST", body, headers: { "idempotency-key": key } }
      ),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: [...loyaltyQueryKeys.details(), customerId] })
      queryClient.invalidateQueries({ queryKey: orderAftersalesQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: overviewQueryKeys.all })
    },
  })
}
