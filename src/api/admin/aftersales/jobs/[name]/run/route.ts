import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AdminRunAftersalesJobResponse } from "../../../../../../types/http/jobs"
import { AFTERSALES_JOBS, AftersalesJobName } from "../../../../../../workflows/jobs"

/** Runs one of the plugin's jobs now and answers what it did. */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminRunAftersalesJobResponse>
) => {
  const name = req.params.name
  if (!Object.prototype.hasOwnProperty.call(AFTERSALES_JOBS, name)) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Job ${name} does not exist. Jobs: ${Object.keys(AFTERSALES_JOBS).join(", ")}.`
    )
  }
  const workflow = AFTERSALES_JOBS[name as AftersalesJobName]
  const { result } = await workflow(req.scope).run({ input: {} })
  res.json({ job: name, result: result as Record<string, unknown> })
}
