import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { ScanDelaysOutput } from "../../../workflows/delays/types"
import { sdk } from "../../lib/sdk"
import { overviewQueryKeys } from "./aftersales"
import { orderAftersalesQueryKeys } from "./order-aftersales"

/** `POST /admin/aftersales/jobs/delay-scan/run` answered with the scan's summary. */
type RunDelayScanResponse = { job: "delay-scan"; result: ScanDelaysOutput }

/**
 * Runs the delay scan now (as the job would) and refreshes what shows late orders: the
 * overview and every order widget, since any order may have just gone late.
 */
export function useRunDelayScan() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<RunDelayScanResponse>("/admin/aftersales/jobs/delay-scan/run", {
        method: "POST",
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: overviewQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: orderAftersalesQueryKeys.all })
    },
  })
}
