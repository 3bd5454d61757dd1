import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  generateEntityId,
  MedusaService,
} from "@medusajs/framework/utils"
import { knexOf } from "../../utils/knex"
import { DelayIncident, DelayWatch } from "./models"
import { CarrierReportWatch, estimateNewDelivery, screenCarrierReport } from "./promise"
import {
  CarrierReportIgnored,
  DelayChoice,
  DelayIncidentDTO,
  DelayStage,
  DelayWatchDTO,
  LateWatch,
  RecordCarrierIncidentInput,
  RecordCarrierIncidentResult,
  RecordedLateIncident,
  RecordIncidentInput,
  ScanCursor,
  ScannedStage,
  StartWatchInput,
  WatchMovement,
  WatchProgress,
} from "./types"
import { DelaysOverviewSummary, OverviewPeriod } from "../../types/overview"
import { summarizeDelays } from "./repositories/overview"
import { DelayWatchRepository, ProgressPatch } from "./repositories/delay-watch"

/** Why a scanned stage broke. */
const CAUSE_OF: Record<ScannedStage, "not_shipped" | "not_delivered"> = {
  ship: "not_shipped",
  deliver: "not_delivered",
}

type InjectedDependencies = { delayWatchRepository: DelayWatchRepository }

/**
 * Delivery promises of placed orders and the delays found on them. The scan reads pages of
 * late watches by keyset through partial indexes (see the model); an incident is written with
 * its watch row locked, so two scans, a scan and a carrier report, or a retried event record a
 * stage once.
 */
export default class DelayWatchService extends MedusaService<{
  DelayWatch: { dto: DelayWatchDTO }
  DelayIncident: { dto: DelayIncidentDTO }
}>({ DelayWatch, DelayIncident }) {
  /** The watch's SQL: the scan's pages, the row locks incidents are written under. */
  protected readonly watches_: DelayWatchRepository

  constructor(container: InjectedDependencies) {
    super(...arguments)
    this.watches_ = container.delayWatchRepository
  }

  /**
   * Starts watching an order with its promise. A second call for the same order (a retried
   * `order.placed`) answers the first watch unchanged, with `created` false. The insert comes
   * first and the unique index on the order decides: the first delivery of an event (nearly
   * every one) pays one statement, not a read before and after it.
   */
  @InjectManager()
  async startWatch(
    input: StartWatchInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ watch: DelayWatchDTO; created: boolean }> {
    try {
      const watch = await this.createDelayWatches(
        {
          order_id: input.order_id,
          customer_id: input.customer_id ?? null,
          shipping_option_id: input.shipping_option_id ?? null,
          placed_at: input.placed_at,
          ship_by: input.ship_by,
          deliver_by: input.deliver_by,
        },
        sharedContext
      )
      return { watch, created: true }
    } catch (e) {
      // An earlier (or concurrent) delivery of the same event holds the order's row.
      const first = await this.findWatch_(input.order_id, sharedContext)
      if (first) {
        return { watch: first, created: false }
      }
      throw e
    }
  }

  /** The watch of an order, or null when none was started (e.g. placed before install). */
  @InjectManager()
  async retrieveWatchByOrder(
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DelayWatchDTO | null> {
    return this.findWatch_(orderId, sharedContext)
  }

  /**
   * Records that the goods moved. Each time is kept from its first report (a replayed event
   * changes nothing); a delivery closes the watch. Answers the watch, or null when the order
   * has none.
   */
  @InjectManager()
  async recordMovement(
    orderId: string,
    movement: WatchMovement,
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DelayWatchDTO | null> {
    return this.recordMovement_(orderId, movement, at, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordMovement_(
    orderId: string,
    movement: WatchMovement,
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DelayWatchDTO | null> {
    await this.watches_.recordMovement(orderId, movement, at, sharedContext)
    return this.findWatch_(orderId, sharedContext)
  }

  /** Stops watching an order (it was canceled). Idempotent. */
  @InjectManager()
  async closeWatch(
    orderId: string,
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DelayWatchDTO | null> {
    return this.closeWatch_(orderId, at, sharedContext)
  }

  @InjectTransactionManager()
  protected async closeWatch_(
    orderId: string,
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DelayWatchDTO | null> {
    await this.watches_.closeWatch(orderId, at, sharedContext)
    return this.findWatch_(orderId, sharedContext)
  }

  /**
   * One page of open watches whose `stage` promise was due at `now` and not kept, and not yet
   * reported, oldest first, after the cursor. The query's predicate is the partial index's,
   * so Postgres reads only such rows: the cost follows the late orders, not all orders.
   */
  @InjectManager()
  async listLateWatches(
    stage: ScannedStage,
    { now, after, limit }: { now: Date; after?: ScanCursor | null; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LateWatch[]> {
    return await this.watches_.listLateWatches(stage, { now, after, limit }, sharedContext)
  }

  /**
   * Records a broken promise of an order's stage, once: with the watch row locked, an existing
   * incident of the stage is answered (`created: false`), else one is written and the watch
   * marked late, which takes it out of the scan.
   */
  @InjectManager()
  async recordIncident(
    input: RecordIncidentInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ incident: DelayIncidentDTO; created: boolean }> {
    const { incident, created } = await this.recordIncident_(input, null, sharedContext)
    // With no screen nothing is ignored: an incident is always answered.
    return { incident: incident!, created }
  }

  /**
   * Records a carrier's exception as the order's `carrier` incident, once, with the watch row
   * locked: a replay answers the incident already there (`created: false`); otherwise a
   * report that cannot be true of the parcel now (see `screenCarrierReport`: watch closed,
   * dated before the order or the goods' last movement, or in the future) records nothing and
   * answers why. The check and the write share the lock, so a delivery recorded at the same
   * moment is either seen or comes after.
   */
  @InjectManager()
  async recordCarrierIncident(
    input: RecordCarrierIncidentInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordCarrierIncidentResult> {
    const { occurred_at, now, ...incident } = input
    return this.recordIncident_(
      { ...incident, stage: "carrier", detected_at: now },
      (watch) => screenCarrierReport(watch, occurred_at, now),
      sharedContext
    )
  }

  @InjectTransactionManager()
  protected async recordIncident_(
    input: RecordIncidentInput,
    screen: ((watch: CarrierReportWatch) => CarrierReportIgnored | null) | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordCarrierIncidentResult> {
    const watch = await this.watches_.lockWatchOfOrder(input.order_id, sharedContext)
    if (!watch) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `No delivery promise is watched for order ${input.order_id}`
      )
    }
    const [existing] = await this.listDelayIncidents(
      { order_id: input.order_id, stage: input.stage },
      {},
      sharedContext
    )
    if (existing) {
      return { incident: existing, created: false, ignored: null }
    }
    const ignored = screen?.(watch) ?? null
    if (ignored) {
      return { incident: null, created: false, ignored }
    }
    const detectedAt = input.detected_at ?? new Date()
    const incident = await this.createDelayIncidents(
      {
        watch_id: watch.id,
        order_id: input.order_id,
        stage: input.stage,
        cause: input.cause,
        reference: input.reference ?? null,
        detected_at: detectedAt,
        new_estimate: input.new_estimate,
        // Recorded, not yet announced: the announcement (or the next scan) sets it.
        announced_at: null,
      },
      sharedContext
    )
    await this.watches_.markLate(watch.id, input.stage, detectedAt, input.new_estimate, sharedContext)
    return { incident, created: true, ignored: null }
  }

  /**
   * Records the broken `stage` promise of a page of late watches at once, in one transaction:
   * the watches are locked (in id order, so two scans cannot deadlock) and checked again to
   * still be open, unmoved, unreported and due at `now`; one multi-row insert writes their
   * incidents, the unique index of order and stage skipping any recorded meanwhile; one update
   * marks the watches of the incidents written, with the new estimate as delivery promise.
   * Answers only the incidents this call wrote, with what compensation needs to revert each.
   */
  @InjectManager()
  async recordLateIncidents(
    stage: ScannedStage,
    watchIds: string[],
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedLateIncident[]> {
    if (!watchIds.length) {
      return []
    }
    return this.recordLateIncidents_(stage, watchIds, now, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordLateIncidents_(
    stage: ScannedStage,
    watchIds: string[],
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedLateIncident[]> {
    // Another scan, a movement or a cancel may have come since the page was read: the lock
    // waits for it, and the predicate is evaluated again on the row it left.
    const watches = await this.watches_.lockLateWatches(stage, watchIds, now, sharedContext)
    if (!watches.length) {
      return []
    }
    const rows = watches.map((w) => ({
      id: generateEntityId(undefined, "dlyi"),
      watch_id: w.id,
      order_id: w.order_id,
      stage,
      cause: CAUSE_OF[stage],
      detected_at: now,
      new_estimate: estimateNewDelivery(
        { ship_by: new Date(w.ship_by), deliver_by: new Date(w.deliver_by) },
        stage,
        CAUSE_OF[stage],
        now
      ),
    }))
    // The partial unique index of order and stage is the arbiter, as in `recordIncident`.
    const inserted = await this.watches_.insertIncidentsOnce(rows, sharedContext)
    if (!inserted.length) {
      return []
    }
    await this.watches_.markLateFromIncidents(
      stage,
      inserted.map((i) => i.id),
      now,
      sharedContext
    )
    const byId = new Map(watches.map((w) => [w.id, w]))
    return inserted.map((incident) => {
      const watch = byId.get(incident.watch_id)!
      return {
        incident,
        shipped: !!watch.shipped_at,
        previous: { late_stage: watch.late_stage, deliver_by: new Date(watch.deliver_by) },
      }
    })
  }

  /**
   * Sets how far an order's goods have got, from its items (see `WatchProgress`): each time is
   * kept from its first report while it holds, and cleared when it no longer does (an order
   * edit added an item after shipment). Delivered closes the watch; a watch closed by delivery
   * opens again when an item is added, and the new item gets the promise `reopen` (counted
   * from the edit) when it is later than the one held. A watch closed by a cancel stays
   * closed. The row is written even when nothing changed, so a reader sees the event handled.
   * Answers the watch, or null when the order has none.
   */
  @InjectManager()
  async syncProgress(
    orderId: string,
    progress: WatchProgress,
    reopen: { ship_by: Date; deliver_by: Date } | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DelayWatchDTO | null> {
    return this.syncProgress_(orderId, progress, reopen, sharedContext)
  }

  @InjectTransactionManager()
  protected async syncProgress_(
    orderId: string,
    progress: WatchProgress,
    reopen: { ship_by: Date; deliver_by: Date } | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DelayWatchDTO | null> {
    const watch = await this.watches_.lockWatchProgress(orderId, sharedContext)
    if (!watch) {
      return null
    }
    const patch: ProgressPatch = {
      fulfilled_at: progress.fulfilled_at ?? null,
      shipped_at: progress.shipped_at ?? null,
      delivered_at: progress.delivered_at ?? null,
    }
    const canceled = watch.status === "closed" && !watch.delivered_at
    if (progress.delivered_at && !canceled) {
      patch.close_at = progress.delivered_at
    } else if (!progress.delivered_at && watch.delivered_at) {
      // Closed by a delivery, and an item came since: watched again.
      patch.reopen = true
    }
    const unshipped = !progress.shipped_at && !!watch.shipped_at
    if (reopen && (unshipped || (!progress.delivered_at && watch.delivered_at))) {
      const later = (a: Date, b: Date) => new Date(Math.max(new Date(a).getTime(), new Date(b).getTime()))
      if (unshipped) {
        patch.ship_by = later(watch.ship_by, reopen.ship_by)
      }
      patch.deliver_by = later(watch.deliver_by, reopen.deliver_by)
    }
    await this.watches_.writeProgress(watch.id, patch, sharedContext)
    return this.findWatch_(orderId, sharedContext)
  }

  /**
   * One page of incidents recorded but not yet announced, oldest first, after the cursor
   * (read through a partial index that holds only those).
   */
  @InjectManager()
  async listUnannouncedIncidents(
    { after, limit }: { after?: { detected_at: Date; id: string } | null; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DelayIncidentDTO[]> {
    return await this.watches_.listUnannouncedIncidents({ after, limit }, sharedContext)
  }

  /**
   * Marks an incident announced, once: answers false when it already was (another run told
   * the customer first).
   */
  @InjectManager()
  async markAnnounced(
    incidentId: string,
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return this.markAnnounced_(incidentId, at, sharedContext)
  }

  @InjectTransactionManager()
  protected async markAnnounced_(
    incidentId: string,
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await this.watches_.markAnnounced(incidentId, at, sharedContext)
  }

  /**
   * Undoes `recordIncident` (a compensation): deletes the incident and puts the watch's mark
   * and late stage back as they were, so the next scan finds the order again.
   */
  @InjectManager()
  async revertIncident(
    incidentId: string,
    previous: { late_stage: DelayStage | null; deliver_by: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return this.revertIncident_(incidentId, previous, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertIncident_(
    incidentId: string,
    previous: { late_stage: DelayStage | null; deliver_by: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.watches_.revertIncident(incidentId, previous, sharedContext)
  }

  /**
   * Records the shopper's choice on an incident, with its row locked. Answers the choice held
   * before. Waiting may turn into a cancel; a cancel is final.
   */
  @InjectManager()
  async recordChoice(
    incidentId: string,
    choice: DelayChoice | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ previous: DelayChoice | null }> {
    return this.recordChoice_(incidentId, choice, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordChoice_(
    incidentId: string,
    choice: DelayChoice | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ previous: DelayChoice | null }> {
    const row = await this.watches_.lockIncidentChoice(incidentId, sharedContext)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Delay incident ${incidentId} was not found`)
    }
    const previous = (row.choice ?? null) as DelayChoice | null
    if (previous === "cancel" && choice !== "cancel" && choice !== null) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The order of delay incident ${incidentId} was already canceled at the customer's request`
      )
    }
    await this.watches_.writeChoice(incidentId, choice, choice ? new Date() : null, sharedContext)
    return { previous }
  }

  /** Puts a choice back as it was, with no rule checked (used to compensate `recordChoice`). */
  @InjectManager()
  async restoreChoice(
    incidentId: string,
    previous: DelayChoice | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return this.restoreChoice_(incidentId, previous, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreChoice_(
    incidentId: string,
    previous: DelayChoice | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.watches_.writeChoice(incidentId, previous, previous ? new Date() : null, sharedContext)
  }

  @InjectTransactionManager()
  protected async findWatch_(
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DelayWatchDTO | null> {
    const [watch] = await this.listDelayWatches({ order_id: orderId }, {}, sharedContext)
    return watch ?? null
  }

  /**
   * The delay watch's part of the after-sales overview: orders late now by stage, incidents
   * detected in each week of `period` and the last ones.
   * Read-only aggregates over indexed columns (`./repositories/overview.ts`).
   */
  @InjectManager()
  async summarize(
    period: OverviewPeriod,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DelaysOverviewSummary> {
    return summarizeDelays(knexOf(sharedContext), period)
  }
}
