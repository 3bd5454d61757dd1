import { useMutation, useQueryClient } from "@tanstack/react-query"
import type {
  AdminAftersalesEraseResponse,
  AdminAftersalesExportResponse,
} from "../../../types/http/privacy"
import { sdk } from "../../lib/sdk"

/** Fetches one customer's after-sales data and hands it to the browser as a JSON file. */
export function useExportCustomerAftersales(customerId: string) {
  return useMutation({
    mutationFn: async () => {
      const data = await sdk.client.fetch<AdminAftersalesExportResponse>(
        `/admin/customers/${customerId}/aftersales-export`
      )
      const blob = new Blob([JSON.stringify(data.export, null, 2)], { type: "application/json" })
      const url = URL.createObjectURL(blob)
      const a = document.createElement("a")
      a.href = url
      a.download = `aftersales-${customerId}.json`
      a.click()
      URL.revokeObjectURL(url)
      return data.export
    },
  })
}

/**
 * Erases the customer's after-sales personal data. Every cached after-sales query may show
 * erased text or points afterwards, so all of them are refetched.
 */
export function useEraseCustomerAftersales(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminAftersalesEraseResponse>(
        `/admin/customers/${customerId}/aftersales-erase`,
        { method: "POST", body: { confirm: true } }
      ),
    onSuccess: () => queryClient.invalidateQueries(),
  })
}
