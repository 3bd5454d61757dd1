import { model } from "@medusajs/framework/utils"
import { MESSAGE_AUTHOR_TYPES } from "../../../types/support"
import { SupportTicket } from "./support-ticket"

/** One message of a ticket's conversation. Internal agent notes are never shown to the shopper. */
export const SupportMessage = model.define(
  { name: "SupportMessage", tableName: "support_message" },
  {
    id: model.id({ prefix: "stmsg" }).primaryKey(),
    ticket: model.belongsTo(() => SupportTicket, { mappedBy: "messages" }),
    author_type: model.enum([...MESSAGE_AUTHOR_TYPES]),
    /** The customer or admin user id; null for system messages. */
    author_id: model.text().nullable(),
    body: model.text(),
    internal: model.boolean().default(false),
    metadata: model.json().nullable(),
  }
)
