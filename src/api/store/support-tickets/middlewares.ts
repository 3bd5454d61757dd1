import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validate-query"
import { validateBody } from "../../utils/validate-body"
import {
  StoreCreateSupportTicket,
  StoreCreateSupportTicketMessage,
  StoreGetSupportTicketsParams,
  StoreRateSupportTicket,
} from "./validators"

// Store routes are public by default: every support route needs a logged-in customer.
const customerOnly = authenticate("customer", ["session", "bearer"])

export const storeSupportTicketsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET", "POST"],
    matcher: "/store/support-tickets*",
    middlewares: [customerOnly],
  },
  {
    methods: ["GET"],
    matcher: "/store/support-tickets",
    middlewares: [validateQuery(StoreGetSupportTicketsParams)],
  },
  {
    methods: ["POST"],
    matcher: "/store/support-tickets",
    middlewares: [validateBody(StoreCreateSupportTicket)],
  },
  {
    methods: ["POST"],
    matcher: "/store/support-tickets/:id/messages",
    middlewares: [validateBody(StoreCreateSupportTicketMessage)],
  },
  {
    methods: ["POST"],
    matcher: "/store/support-tickets/:id/rating",
    middlewares: [validateBody(StoreRateSupportTicket)],
  },
]
