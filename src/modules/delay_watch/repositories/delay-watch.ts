import { Context } from "@medusajs/framework/types"
import { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { mikroOrmBaseRepositoryFactory } from "@medusajs/framework/utils"
import { DelayWatch } from "../models"
import { CarrierReportWatch } from "../promise"
import {
  DelayChoice,
  DelayIncidentDTO,
  DelayStage,
  LateWatch,
  ScanCursor,
  ScannedStage,
  WatchMovement,
  WatchStatus,
} from "../types"

const WATCH = "delay_watch"
const INCIDENT = "delay_watch_incident"

/** Per stage: the due date, the movement that keeps the promise, the mark of a reported delay. */
const STAGE_COLUMNS: Record<ScannedStage, { due: string; moved: string; flag: string; after?: string }> = {
  ship: { due: "ship_by", moved: "shipped_at", flag: "ship_late_at" },
  // Not delivered counts only once shipped: an order not shipped is the ship stage's case.
  deliver: { due: "deliver_by", moved: "delivered_at", flag: "deliver_late_at", after: "shipped_at" },
}

const FLAG_OF: Record<DelayStage, string> = {
  ship: "ship_late_at",
  deliver: "deliver_late_at",
  carrier: "carrier_exception_at",
}

/** The columns a movement sets, in the order goods move: shipped implies fulfilled, etc. */
const MOVEMENT_COLUMNS: Record<WatchMovement, string[]> = {
  fulfilled: ["fulfilled_at"],
  shipped: ["fulfilled_at", "shipped_at"],
  delivered: ["fulfilled_at", "shipped_at", "delivered_at"],
}

/**
 * Open watches whose promise for `stage` broke by `now` and were not flagged yet: what the scan
 * looks for, and what it checks again under the row locks before recording.
 */
function lateAt(query: Knex.QueryBuilder, stage: ScannedStage, now: Date) {
  const col = STAGE_COLUMNS[stage]
  query
    .whereNull("deleted_at")
    // A literal, not a bound value: the planner must see the index predicate to use it.
    .whereRaw("status = 'open'")
    .whereNull(col.moved)
    .whereNull(col.flag)
    .where(col.due, "<=", now)
  if (col.after) {
    query.whereNotNull(col.after)
  }
}

/** A watch locked by a scan page, with what compensation needs to put back. */
export type LockedLateWatch = {
  id: string
  order_id: string
  ship_by: Date
  deliver_by: Date
  shipped_at: Date | null
  late_stage: DelayStage | null
}

/** A watch locked to sync its progress. */
export type LockedWatchProgress = {
  id: string
  status: WatchStatus
  shipped_at: Date | null
  delivered_at: Date | null
  ship_by: Date
  deliver_by: Date
}

/** An incident the scan writes (the rest of its columns take their defaults). */
export type NewLateIncident = {
  id: string
  watch_id: string
  order_id: string
  stage: ScannedStage
  cause: string
  detected_at: Date
  new_estimate: Date
}

/**
 * What `writeProgress` sets: a movement time is kept from its first report when given (null
 * clears it); `close_at` closes the watch (kept from its first close), `reopen` opens it.
 */
export type ProgressPatch = {
  fulfilled_at: Date | string | null
  shipped_at: Date | string | null
  delivered_at: Date | string | null
  close_at?: Date | string
  reopen?: boolean
  ship_by?: Date
  deliver_by?: Date
}

/**
 * The delay watch's hand-written SQL: the scan's keyset pages through the partial indexes,
 * the row locks incidents are written under, the multi-row insert whose unique index of order
 * and stage is the arbiter, and the updates that keep a movement's first time. The service
 * keeps the rules (what is late, the new estimate, which choices may follow which).
 */
export class DelayWatchRepository extends mikroOrmBaseRepositoryFactory(DelayWatch) {
  /** The context's query builder: its transaction when there is one, the pool otherwise. */
  protected query_(context: Context = {}): Knex {
    const manager = this.getActiveManager<SqlEntityManager>(context)
    return manager.getTransactionContext<Knex.Transaction>() ?? manager.getKnex()
  }

  /** Sets the times of a movement, each kept from its first report; a delivery closes the watch. */
  async recordMovement(orderId: string, movement: WatchMovement, at: Date, context: Context = {}): Promise<void> {
    const knex = this.query_(context)
    const update: Record<string, unknown> = { updated_at: knex.fn.now() }
    for (const column of MOVEMENT_COLUMNS[movement]) {
      update[column] = knex.raw("coalesce(??, ?)", [column, at])
    }
    if (movement === "delivered") {
      update.status = "closed"
      update.closed_at = knex.raw("coalesce(??, ?)", ["closed_at", at])
    }
    await knex(WATCH).where({ order_id: orderId }).whereNull("deleted_at").update(update)
  }

  /** Closes the open watch of an order. */
  async closeWatch(orderId: string, at: Date, context: Context = {}): Promise<void> {
    const knex = this.query_(context)
    await knex(WATCH)
      .where({ order_id: orderId, status: "open" })
      .whereNull("deleted_at")
      .update({ status: "closed", closed_at: at, updated_at: knex.fn.now() })
  }

  /** A page of the watches late for `stage` at `now`, by due date and id after the cursor. */
  async listLateWatches(
    stage: ScannedStage,
    { now, after, limit }: { now: Date; after?: ScanCursor | null; limit: number },
    context: Context = {}
  ): Promise<LateWatch[]> {
    const col = STAGE_COLUMNS[stage]
    const query = this.query_(context)(WATCH)
      .select({ id: "id", order_id: "order_id", customer_id: "customer_id", due: col.due })
      .modify(lateAt, stage, now)
      .orderBy([col.due, "id"])
      .limit(limit)
    if (after) {
      query.whereRaw("(??, ??) > (?, ?)", [col.due, "id", after.due, after.id])
    }
    return (await query) as LateWatch[]
  }

  /** Locks the watch of an order (what a carrier report is screened on). */
  async lockWatchOfOrder(
    orderId: string,
    context: Context = {}
  ): Promise<({ id: string } & CarrierReportWatch) | undefined> {
    return await this.query_(context)(WATCH)
      .select("id", "status", "placed_at", "fulfilled_at", "shipped_at", "delivered_at")
      .where({ order_id: orderId })
      .whereNull("deleted_at")
      .forUpdate()
      .first()
  }

  /** Marks a locked watch late for `stage`; the new estimate becomes its promise if later. */
  async markLate(
    watchId: string,
    stage: DelayStage,
    detectedAt: Date,
    newEstimate: Date,
    context: Context = {}
  ): Promise<void> {
    const knex = this.query_(context)
    await knex(WATCH)
      .where({ id: watchId })
      .update({
        [FLAG_OF[stage]]: detectedAt,
        late_stage: stage,
        // The customer was told a new date: from now on that is the delivery promise.
        deliver_by: knex.raw("greatest(??, ?)", ["deliver_by", newEstimate]),
        updated_at: knex.fn.now(),
      })
  }

  /**
   * Locks these watches in id order (two scans cannot deadlock), keeping those still late for
   * `stage` at `now`: the predicate is evaluated again on the row a concurrent writer left.
   */
  async lockLateWatches(
    stage: ScannedStage,
    watchIds: string[],
    now: Date,
    context: Context = {}
  ): Promise<LockedLateWatch[]> {
    return await this.query_(context)(WATCH)
      .select("id", "order_id", "ship_by", "deliver_by", "shipped_at", "late_stage")
      .whereIn("id", watchIds)
      .modify(lateAt, stage, now)
      .orderBy("id")
      .forUpdate()
  }

  /**
   * Writes incidents in one statement; the partial unique index of order and stage skips any
   * already recorded. Answers the incidents written.
   */
  async insertIncidentsOnce(rows: NewLateIncident[], context: Context = {}): Promise<DelayIncidentDTO[]> {
    const knex = this.query_(context)
    return await knex(INCIDENT)
      .insert(rows)
      .onConflict(knex.raw("(??, ??) where ?? is null", ["order_id", "stage", "deleted_at"]))
      .ignore()
      .returning([
        "id",
        "watch_id",
        "order_id",
        "stage",
        "cause",
        "detected_at",
        "new_estimate",
        "ticket_id",
        "choice",
        "chosen_at",
        "gesture_id",
        "announced_at",
      ])
  }

  /** Marks the watches of these incidents late for `stage`, with each one's new estimate as promise. */
  async markLateFromIncidents(
    stage: ScannedStage,
    incidentIds: string[],
    now: Date,
    context: Context = {}
  ): Promise<void> {
    const col = STAGE_COLUMNS[stage]
    const knex = this.query_(context)
    await knex(WATCH)
      .updateFrom(INCIDENT)
      .whereIn(`${INCIDENT}.id`, incidentIds)
      .where(`${INCIDENT}.watch_id`, knex.ref(`${WATCH}.id`))
      .update({
        [col.flag]: now,
        late_stage: stage,
        // The customer is told the new date: from now on that is the delivery promise.
        deliver_by: knex.raw("greatest(??, ??)", [`${WATCH}.deliver_by`, `${INCIDENT}.new_estimate`]),
        updated_at: knex.fn.now(),
      })
  }

  /** Locks the watch of an order to sync its progress. */
  async lockWatchProgress(orderId: string, context: Context = {}): Promise<LockedWatchProgress | undefined> {
    return await this.query_(context)(WATCH)
      .select("id", "status", "shipped_at", "delivered_at", "ship_by", "deliver_by")
      .where({ order_id: orderId })
      .whereNull("deleted_at")
      .forUpdate()
      .first()
  }

  /** Writes a watch's progress (see `ProgressPatch`), even when nothing changed. */
  async writeProgress(watchId: string, patch: ProgressPatch, context: Context = {}): Promise<void> {
    const knex = this.query_(context)
    const keep = (column: "fulfilled_at" | "shipped_at" | "delivered_at") =>
      patch[column] ? knex.raw("coalesce(??, ?)", [column, patch[column]]) : null
    const update: Record<string, unknown> = {
      fulfilled_at: keep("fulfilled_at"),
      shipped_at: keep("shipped_at"),
      delivered_at: keep("delivered_at"),
      updated_at: knex.fn.now(),
    }
    if (patch.close_at) {
      update.status = "closed"
      update.closed_at = knex.raw("coalesce(??, ?)", ["closed_at", patch.close_at])
    } else if (patch.reopen) {
      update.status = "open"
      update.closed_at = null
    }
    if (patch.ship_by) {
      update.ship_by = patch.ship_by
    }
    if (patch.deliver_by) {
      update.deliver_by = patch.deliver_by
    }
    await knex(WATCH).where({ id: watchId }).update(update)
  }

  /** A page of incidents not yet announced, by detection and id after the cursor. */
  async listUnannouncedIncidents(
    { after, limit }: { after?: { detected_at: Date; id: string } | null; limit: number },
    context: Context = {}
  ): Promise<DelayIncidentDTO[]> {
    const query = this.query_(context)(INCIDENT)
      .select("*")
      .whereNull("deleted_at")
      .whereNull("announced_at")
      .orderBy(["detected_at", "id"])
      .limit(limit)
    if (after) {
      query.whereRaw("(??, ??) > (?, ?)", ["detected_at", "id", after.detected_at, after.id])
    }
    return (await query) as DelayIncidentDTO[]
  }

  /** Marks an incident announced unless it already was; answers whether this call did. */
  async markAnnounced(incidentId: string, at: Date, context: Context = {}): Promise<boolean> {
    const knex = this.query_(context)
    const updated = await knex(INCIDENT)
      .where({ id: incidentId })
      .whereNull("announced_at")
      .update({ announced_at: at, updated_at: knex.fn.now() })
    return updated > 0
  }

  /** Deletes an incident and puts its watch's mark, late stage and promise back. */
  async revertIncident(
    incidentId: string,
    previous: { late_stage: DelayStage | null; deliver_by: Date },
    context: Context = {}
  ): Promise<void> {
    const knex = this.query_(context)
    const incident = await knex(INCIDENT).select("watch_id", "stage").where({ id: incidentId }).first()
    if (!incident) {
      return
    }
    await knex(INCIDENT).where({ id: incidentId }).delete()
    await knex(WATCH)
      .where({ id: incident.watch_id })
      .update({
        [FLAG_OF[incident.stage as DelayStage]]: null,
        late_stage: previous.late_stage,
        deliver_by: previous.deliver_by,
        updated_at: knex.fn.now(),
      })
  }

  /** Locks an incident and answers the choice it holds; undefined when there is none. */
  async lockIncidentChoice(
    incidentId: string,
    context: Context = {}
  ): Promise<{ id: string; choice: DelayChoice | null } | undefined> {
    return await this.query_(context)(INCIDENT)
      .select("id", "choice")
      .where({ id: incidentId })
      .whereNull("deleted_at")
      .forUpdate()
      .first()
  }

  /** Sets an incident's choice and when it was made. */
  async writeChoice(
    incidentId: string,
    choice: DelayChoice | null,
    chosenAt: Date | null,
    context: Context = {}
  ): Promise<void> {
    const knex = this.query_(context)
    await knex(INCIDENT)
      .where({ id: incidentId })
      .update({ choice, chosen_at: chosenAt, updated_at: knex.fn.now() })
  }
}
