import { model } from "@medusajs/framework/utils"
import { SupportTicket } from "./support-ticket"

/**
 * One resolution of a ticket. A reopened ticket gets a new one when it is resolved again, so
 * the shopper is asked for a rating once per resolution.
 */
export const TicketResolution = model
  .define({ name: "TicketResolution", tableName: "support_ticket_resolution" }, {
    id: model.id({ prefix: "stres" }).primaryKey(),
    ticket: model.belongsTo(() => SupportTicket, { mappedBy: "resolutions" }),
    outcome: model.text(),
    note: model.text().nullable(),
    /** The admin user who resolved. */
    resolved_by: model.text().nullable(),
    rating_score: model.number().nullable(),
    rating_comment: model.text().nullable(),
    rated_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    // The overview's ratings per week.
    {
      name: "IDX_support_ticket_resolution_rated",
      on: ["rated_at", "rating_score"],
      where: "deleted_at IS NULL AND rating_score IS NOT NULL",
    },
  ])
