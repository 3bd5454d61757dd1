import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** Longest id or name a path may carry: Medusa's ids are about 30 characters. */
const MAX_PARAM_LENGTH = 200

/**
 * Refuses a path parameter no record can have before any route reads it: a NUL byte (Postgres
 * refuses it in a query and the request would end in a 500), other control characters, or
 * more than 200 characters. Anything else goes on to the route, whose lookup answers 404.
 */
export function validateParams(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  for (const [name, value] of Object.entries(req.params ?? {})) {
    if (typeof value === "string" && (value.length > MAX_PARAM_LENGTH || /[\u0000-\u001f\u007f]/.test(value))) {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `The ${name} in the path must be at most ${MAX_PARAM_LENGTH} characters without control characters.`
        )
      )
    }
  }
  next()
}

/** Every path of the plugin with a parameter, and the core routes it guards. */
export const PARAM_PATHS = [
  "/admin/aftersales/jobs/:name/run",
  "/admin/customers/:id/loyalty",
  "/admin/customers/:id/loyalty/adjustments",
  "/admin/customers/:id/aftersales-export",
  "/admin/customers/:id/aftersales-erase",
  "/admin/gestures/:id/approve",
  "/admin/orders/:id/aftersales",
  "/admin/support-tickets/:id",
  "/admin/support-tickets/:id/messages",
  "/admin/support-tickets/:id/resolve",
  "/store/carts/:id/loyalty-points",
  "/store/carts/:id/complete",
  "/store/carts/:id/promotions",
  "/store/orders/:id/return-options",
  "/store/orders/:id/return-requests",
  "/store/orders/:id/exchange-payment",
  "/store/support-tickets/:id",
  "/store/support-tickets/:id/messages",
  "/store/support-tickets/:id/rating",
  "/store/support-tickets/:id/delay-choice",
]

export const paramGuardMiddlewares: MiddlewareRoute[] = PARAM_PATHS.map((matcher) => ({
  matcher,
  middlewares: [validateParams],
}))
