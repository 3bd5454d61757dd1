import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { describeIssues } from "../../utils/describe-issues"

/**
 * Like core's `validateAndTransformBody`, but the 400 names each wrong field by its dotted path
 * (`loyalty.max_redeem_share: Too big: expected number to be <=1`), refinements included, so
 * a form can put the message beside the field and an API user knows what to fix.
 */
export function validateBody(schema: z.ZodType) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = await schema.safeParseAsync(req.body ?? {})
    if (!parsed.success) {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Invalid request: ${describeIssues(parsed.error.issues)}`
        )
      )
    }
    req.validatedBody = parsed.data
    next()
  }
}
