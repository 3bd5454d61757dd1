import { model } from "@medusajs/framework/utils"
import { DELAY_STAGES, WATCH_STATUSES } from "../types"

/**
 * The delivery promise of one placed order and how its goods moved. The scan reads it through
 * two partial indexes that hold only open watches still waiting for the movement they promise
 * and not yet reported late, so a scan costs what the late orders cost, not what all orders do.
 * The delivery stage only counts once shipped: an order not shipped is the ship stage's case.
 */
export const DelayWatch = model
  .define({ name: "DelayWatch", tableName: "delay_watch" }, {
    id: model.id({ prefix: "dlyw" }).primaryKey(),
    order_id: model.text(),
    /** Null for a guest order: no ticket can be opened for it, the email still goes out. */
    customer_id: model.text().nullable(),
    shipping_option_id: model.text().nullable(),
    /** `closed` once delivered or canceled: nothing more to watch. */
    status: model.enum([...WATCH_STATUSES]).default("open"),
    placed_at: model.dateTime(),
    ship_by: model.dateTime(),
    deliver_by: model.dateTime(),
    fulfilled_at: model.dateTime().nullable(),
    shipped_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    closed_at: model.dateTime().nullable(),
    /** Set with the incident of the stage, in the same transaction: takes the row out of the scan. */
    ship_late_at: model.dateTime().nullable(),
    deliver_late_at: model.dateTime().nullable(),
    carrier_exception_at: model.dateTime().nullable(),
    /** The latest stage found late, for lists and the order widget. */
    late_stage: model.enum([...DELAY_STAGES]).nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    {
      name: "IDX_delay_watch_order_id_unique",
      on: ["order_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_delay_watch_ship_scan",
      on: ["ship_by", "id"],
      where: "deleted_at IS NULL AND status = 'open' AND shipped_at IS NULL AND ship_late_at IS NULL",
    },
    {
      name: "IDX_delay_watch_deliver_scan",
      on: ["deliver_by", "id"],
      where:
        "deleted_at IS NULL AND status = 'open' AND shipped_at IS NOT NULL AND delivered_at IS NULL AND deliver_late_at IS NULL",
    },
    {
      name: "IDX_delay_watch_late_stage",
      on: ["late_stage"],
      where: "deleted_at IS NULL AND late_stage IS NOT NULL",
    },
    {
      // The overview's orders late now, counted from the index alone.
      name: "IDX_delay_watch_late_now",
      on: ["late_stage"],
      where: "deleted_at IS NULL AND late_stage IS NOT NULL AND delivered_at IS NULL AND closed_at IS NULL",
    },
  ])
