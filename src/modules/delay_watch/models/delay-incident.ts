import { model } from "@medusajs/framework/utils"
import { DELAY_CHOICES, DELAY_STAGES } from "../types"

/**
 * One broken promise: an order's stage that went late (or a carrier's exception). The database
 * keeps one per order and stage, which is what "one proactive ticket per order and stage" rests
 * on; the shopper's choice (wait or cancel) is recorded here. Recording and announcing are two
 * states (an outbox): `announced_at` stays null until the customer was told.
 */
export const DelayIncident = model
  .define({ name: "DelayIncident", tableName: "delay_watch_incident" }, {
    id: model.id({ prefix: "dlyi" }).primaryKey(),
    watch_id: model.text(),
    order_id: model.text(),
    stage: model.enum([...DELAY_STAGES]),
    /** `not_shipped`, `not_delivered` or the carrier's exception. */
    cause: model.text(),
    /** The tracking number or fulfilment a carrier reported on. */
    reference: model.text().nullable(),
    detected_at: model.dateTime(),
    /** The delivery date told to the customer. */
    new_estimate: model.dateTime(),
    ticket_id: model.text().nullable(),
    choice: model.enum([...DELAY_CHOICES]).nullable(),
    chosen_at: model.dateTime().nullable(),
    gesture_id: model.text().nullable(),
    /**
     * When the customer was told (ticket, email, event). Null: recorded, not yet announced; the
     * scan announces every such incident, also those a crashed run left behind.
     */
    announced_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    {
      name: "IDX_delay_watch_incident_stage_unique",
      on: ["order_id", "stage"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_delay_watch_incident_ticket_id", on: ["ticket_id"], where: "deleted_at IS NULL" },
    // The overview: incidents per week and the last ones.
    { name: "IDX_delay_watch_incident_detected_at", on: ["detected_at"], where: "deleted_at IS NULL" },
    {
      name: "IDX_delay_watch_incident_unannounced",
      on: ["detected_at", "id"],
      where: "deleted_at IS NULL AND announced_at IS NULL",
    },
  ])
