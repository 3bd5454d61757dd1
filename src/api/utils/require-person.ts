import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Admin actions that move money or points (approving a gesture, adjusting points, changing
 * budgets and thresholds, resolving with a gesture) must be done by a signed-in admin user
 * (session or bearer token), never by a secret API key: a key is not a person, and an admin
 * could otherwise approve their own gesture with a key they just created. Answers 403.
 * `allowKey` lets a key through for requests that move nothing (checked on the raw body).
 */
export function requirePerson(action: string, allowKey?: (body: unknown) => boolean) {
  return (req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    if (req.auth_context?.actor_type === "user" || allowKey?.(req.body)) {
      return next()
    }
    next(
      new MedusaError(
        MedusaError.Types.FORBIDDEN,
        `${action} must be done by a signed-in admin user, not with a secret API key`
      )
    )
  }
}
