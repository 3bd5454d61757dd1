import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "./validate-query"
import {
  AdminCreateSupportTicket,
  AdminCreateSupportTicketMessage,
  AdminGetSupportTicketsParams,
  AdminResolveSupportTicket,
  AdminUpdateSupportTicket,
} from "./validators"

export const adminSupportTicketsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/support-tickets",
    middlewares: [validateQuery(AdminGetSupportTicketsParams)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/support-tickets",
    middlewares: [validateBody(AdminCreateSupportTicket)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/support-tickets/:id",
    middlewares: [validateBody(AdminUpdateSupportTicket)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/support-tickets/:id/messages",
    middlewares: [validateBody(AdminCreateSupportTicketMessage)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/support-tickets/:id/resolve",
    middlewares: [validateBody(AdminResolveSupportTicket)],
  },
]
