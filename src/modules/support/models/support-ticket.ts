import { model } from "@medusajs/framework/utils"
import {
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUSES,
} from "../../../types/support"
import { SupportMessage } from "./support-message"
import { TicketResolution } from "./ticket-resolution"

/**
 * A customer's support case. `display_id` is the number people see (`#1001`); the SLA due times
 * are fixed when the ticket opens, from the priority's hours in the support settings.
 */
export const SupportTicket = model
  .define({ name: "SupportTicket", tableName: "support_ticket" }, {
    id: model.id({ prefix: "stkt" }).primaryKey(),
    display_id: model.autoincrement().searchable(),
    customer_id: model.text().index("IDX_support_ticket_customer_id"),
    order_id: model.text().index("IDX_support_ticket_order_id").nullable(),
    category: model.enum([...TICKET_CATEGORIES]),
    status: model.enum([...TICKET_STATUSES]).default("open"),
    priority: model.enum([...TICKET_PRIORITIES]).default("normal"),
    channel: model.enum([...TICKET_CHANNELS]).default("web"),
    source: model.enum([...TICKET_SOURCES]).default("customer"),
    subject: model.text().searchable(),
    assignee_id: model.text().nullable(),
    first_response_due_at: model.dateTime().nullable(),
    first_responded_at: model.dateTime().nullable(),
    resolution_due_at: model.dateTime().nullable(),
    /** Set by the sla-check job the first time a due time passes unmet. */
    sla_breached_at: model.dateTime().nullable(),
    /** Which clock was breached first: `first_response` or `resolution`. */
    sla_breach: model.text().nullable(),
    resolved_at: model.dateTime().nullable(),
    /** The outcome of the latest resolution. */
    outcome: model.text().nullable(),
    /** Kept unique by the database: a retried or raced creation with the same key makes one ticket. */
    idempotency_key: model.text().nullable(),
    messages: model.hasMany(() => SupportMessage, { mappedBy: "ticket" }),
    resolutions: model.hasMany(() => TicketResolution, { mappedBy: "ticket" }),
    metadata: model.json().nullable(),
  })
  .cascades({ delete: ["messages", "resolutions"] })
  .indexes([
    {
      name: "IDX_support_ticket_idempotency_key_unique",
      on: ["idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL AND idempotency_key IS NOT NULL",
    },
    { name: "IDX_support_ticket_status", on: ["status"], where: "deleted_at IS NULL" },
    // The overview: tickets opened and breached per week, and the last breaches.
    { name: "IDX_support_ticket_overview", on: ["created_at", "sla_breached_at"], where: "deleted_at IS NULL" },
    {
      name: "IDX_support_ticket_breached",
      on: ["sla_breached_at"],
      where: "deleted_at IS NULL AND sla_breached_at IS NOT NULL",
    },
  ])
