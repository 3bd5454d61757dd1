import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AdminAftersalesExportResponse } from "../../../../../types/http/privacy"
import { exportCustomerAftersales } from "../../../../../workflows/privacy"

/**
 * One customer's after-sales data as a JSON download (points ledger, tickets with messages,
 * gestures, return requests), for a subject access request. Reads only.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAftersalesExportResponse>
) => {
  const data = await exportCustomerAftersales(req.scope, req.params.id)
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="aftersales-${encodeURIComponent(req.params.id)}.json"`
  )
  res.json({ export: data })
}
