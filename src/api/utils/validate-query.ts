import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { describeIssues } from "../../utils/describe-issues"

/**
 * Validates a list route's query string like `validateBody` does bodies: a bad value (an
 * unknown status, `limit=-5`, `offset=-1`) is a 400 naming the parameter, never a 500.
 * The parsed values are in `req.validatedQuery`.
 */
export function validateQuery(schema: z.ZodType) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = await schema.safeParseAsync(req.query ?? {})
    if (!parsed.success) {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Invalid query: ${describeIssues(parsed.error.issues)}`
        )
      )
    }
    req.validatedQuery = parsed.data as Record<string, unknown>
    next()
  }
}

/** `limit` (1–100, default 20) and `offset` (≥ 0) of every list route here. */
export const paginationParams = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
}
