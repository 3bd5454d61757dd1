import {
  authenticate,
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isActiveCustomer } from "../../workflows/privacy/active-customer"

/**
 * A deleted customer's token stays valid until it expires; the plugin's store routes answer it
 * 401 as if it had expired (their points, tickets and gestures are no longer theirs to read or
 * change). Denies by default: no customer in the token is a 401 too.
 */
export async function requireActiveCustomer(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const customerId = req.auth_context?.actor_id
    if (!customerId || !(await isActiveCustomer(req.scope, customerId))) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This customer account no longer exists.")
    }
    next()
  } catch (e) {
    next(e)
  }
}

/** The plugin's customer routes (and the core route it guards) that a deleted customer loses. */
const CUSTOMER_ROUTES = [
  "/store/loyalty*",
  "/store/gestures*",
  "/store/support-tickets*",
  "/store/carts/:id/loyalty-points",
  "/store/orders/:id/return-options",
  "/store/orders/:id/return-requests",
  "/store/returns",
]

// `authenticate` again: the guard must not depend on the order in which matchers are applied.
export const storeActiveCustomerMiddlewares: MiddlewareRoute[] = CUSTOMER_ROUTES.map((matcher) => ({
  // Not OPTIONS: a browser's preflight carries no token.
  methods: ["GET", "POST", "DELETE"],
  matcher,
  middlewares: [authenticate("customer", ["session", "bearer"]), requireActiveCustomer],
}))
