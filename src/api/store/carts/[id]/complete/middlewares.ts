import { MiddlewareRoute } from "@medusajs/framework/http"
import { trackResponse } from "../../../../../utils/after-response"

/**
 * Medusa's own completion route: the plugin's `order.placed` work waits for its answer
 * (see src/subscribers/order-placed.ts), so the shopper's confirmation comes first.
 */
export const storeCartCompleteMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/carts/:id/complete",
    middlewares: [trackResponse],
  },
]
