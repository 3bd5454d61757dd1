import { MiddlewareRoute } from "@medusajs/framework/http"
import { AftersalesPermissions } from "../../../../../types/permissions"

/** The order widget shows points, tickets and gestures: reading it needs each read right. */
export const adminOrderAftersalesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/orders/:id/aftersales",
    policies: [
      { resource: "order", operation: "read" },
      AftersalesPermissions.READ_SUPPORT_TICKETS,
      AftersalesPermissions.READ_GESTURES,
      AftersalesPermissions.READ_LOYALTY_POINTS,
    ],
  },
]
