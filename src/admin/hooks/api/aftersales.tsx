import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminAftersalesOverviewResponse } from "../../../types/http/overview"
import type { AdminAftersalesSettingsResponse, AftersalesSettings } from "../../../types/http/settings"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"

export const overviewQueryKeys = queryKeysFactory("overview")
/** Same keys as the returns hooks use for the settings, so one save refreshes both. */
export const settingsQueryKeys = queryKeysFactory("settings")

/** `GET /admin/aftersales/overview`. */
export function useAftersalesOverview() {
  return useQuery({
    queryKey: overviewQueryKeys.lists(),
    queryFn: () => sdk.client.fetch<AdminAftersalesOverviewResponse>("/admin/aftersales/overview"),
  })
}

/** The whole settings, every section. */
export function useAftersalesSettings() {
  return useQuery({
    queryKey: settingsQueryKeys.details(),
    queryFn: async () =>
      (await sdk.client.fetch<AdminAftersalesSettingsResponse>("/admin/aftersales/settings")).settings,
  })
}

type SettingsPatch = { [K in keyof AftersalesSettings]?: Partial<AftersalesSettings[K]> }

/**
 * Saves a partial patch. The server validates it with the same schemas as the plugin options
 * and names each wrong field; `fieldErrors` turns its message into `{ "loyalty.pending_days": … }`.
 */
export function useUpdateAftersalesSettings() {
  const queryClient = useQueryClient()
  return useMutation<AftersalesSettings, FetchError, SettingsPatch>({
    mutationFn: async (patch) =>
      (
        await sdk.client.fetch<AdminAftersalesSettingsResponse>("/admin/aftersales/settings", {
          method: "POST",
          body: patch,
        })
      ).settings,
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: settingsQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: overviewQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: ["aftersales", "returns"] })
    },
  })
}

/** `"Invalid request: a.b: msg; c: msg"` → `{ "a.b": "msg", c: "msg" }`. */
export function fieldErrors(message: string | undefined): Record<string, string> {
  const errors: Record<string, string> = {}
  const body = (message ?? "").replace(/^Invalid (request|settings): /, "")
  for (const part of body.split("; ")) {
    const at = part.indexOf(": ")
    if (at > 0) {
      errors[part.slice(0, at)] = part.slice(at + 2)
    }
  }
  return errors
}
