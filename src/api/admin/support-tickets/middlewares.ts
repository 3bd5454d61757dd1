import { MiddlewareRoute } from "@medusajs/framework/http"
import { AftersalesPermissions } from "../../../types/permissions"
import { requirePerson } from "../../utils/require-person"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import {
  AdminCreateSupportTicket,
  AdminCreateSupportTicketMessage,
  AdminGetSupportTicketsParams,
  AdminResolveSupportTicket,
  AdminUpdateSupportTicket,
} from "./validators"

/** A resolution that issues no gesture moves nothing: a helpdesk integration's key may do it. */
const issuesNoGesture = (body: unknown) =>
  !!body && typeof body === "object" && (body as { gesture?: unknown }).gesture === "none"

export const adminSupportTicketsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/support-tickets",
    middlewares: [validateQuery(AdminGetSupportTicketsParams)],
    policies: [AftersalesPermissions.READ_SUPPORT_TICKETS],
  },
  {
    methods: ["POST"],
    matcher: "/admin/support-tickets",
    middlewares: [validateBody(AdminCreateSupportTicket)],
    policies: [AftersalesPermissions.CREATE_SUPPORT_TICKETS],
  },
  {
    methods: ["GET"],
    matcher: "/admin/support-tickets/:id",
    policies: [AftersalesPermissions.READ_SUPPORT_TICKETS],
  },
  {
    methods: ["POST"],
    matcher: "/admin/support-tickets/:id",
    middlewares: [validateBody(AdminUpdateSupportTicket)],
    policies: [AftersalesPermissions.UPDATE_SUPPORT_TICKETS],
  },
  {
    methods: ["POST"],
    matcher: "/admin/support-tickets/:id/messages",
    middlewares: [validateBody(AdminCreateSupportTicketMessage)],
    policies: [AftersalesPermissions.UPDATE_SUPPORT_TICKETS],
  },
  {
    methods: ["POST"],
    matcher: "/admin/support-tickets/:id/resolve",
    middlewares: [
      requirePerson("Resolving a ticket with a gesture", issuesNoGesture),
      validateBody(AdminResolveSupportTicket),
    ],
    policies: [AftersalesPermissions.RESOLVE_SUPPORT_TICKETS],
  },
]
