import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AdminAftersalesOverviewResponse } from "../../../../types/http/overview"
import { computeOverview } from "./aggregates"

/** The after-sales overview: the last 12 weeks' figures and a weekly series for the charts. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAftersalesOverviewResponse>
) => {
  res.json(await computeOverview(req.scope))
}
