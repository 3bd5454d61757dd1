import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { queryKeysFactory } from "../../lib/query-keys"
import type { ReturnOptions } from "../../../types/http/returns"
import type { AftersalesSettings } from "../../../types/http/settings"

type ReturnSettings = AftersalesSettings["returns"]

/** Keys of the returns data in the admin: per order, and the returns section of the settings. */
export const returnsQueryKeys = queryKeysFactory("returns")
const settingsQueryKeys = queryKeysFactory("settings")

/**
 * An order's return options for the order widget: each line's eligibility and window, and the
 * requests made with their exchange or return outcome. Read from
 * `GET /admin/orders/:id/aftersales`, which carries `return_options` (built by
 * `getReturnOptions` from `src/workflows/returns`).
 */
export function useOrderReturnOptions(orderId: string) {
  return useQuery({
    queryKey: returnsQueryKeys.detail(orderId),
    queryFn: async () => {
      const data = await sdk.client.fetch<{ return_options?: ReturnOptions | null }>(
        `/admin/orders/${orderId}/aftersales`
      )
      return data.return_options ?? null
    },
    enabled: !!orderId,
  })
}

/** The returns section of the settings (window, overrides, reasons, bonus, keep-the-item). */
export function useReturnSettings() {
  return useQuery({
    queryKey: settingsQueryKeys.detail("returns"),
    queryFn: async () => {
      const { settings } = await sdk.client.fetch<{ settings: AftersalesSettings }>(
        "/admin/aftersales/settings"
      )
      return settings.returns
    },
  })
}

/**
 * Saves a partial patch of the returns settings. Afterwards every settings query and every
 * order's return options are stale: the rules they were computed with changed.
 */
export function useUpdateReturnSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (patch: Partial<ReturnSettings>) => {
      const { settings } = await sdk.client.fetch<{ settings: AftersalesSettings }>(
        "/admin/aftersales/settings",
        { method: "POST", body: { returns: patch } }
      )
      return settings.returns
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: settingsQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: returnsQueryKeys.all })
    },
  })
}
