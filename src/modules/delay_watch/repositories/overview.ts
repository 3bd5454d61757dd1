import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { DelaysOverviewSummary, OverviewPeriod } from "../../../types/overview"
import { OVERVIEW_WEEKS_SQL, weekBindings, weekKey } from "../../../utils/overview-weeks"

/**
 * The delay watch module's part of the after-sales overview: orders late now (from
 * `IDX_delay_watch_late_now`, which holds only them), incidents per week and the
 * last ones (`IDX_delay_watch_incident_detected_at`).
 */
export async function summarizeDelays(knex: Knex, period: OverviewPeriod): Promise<DelaysOverviewSummary> {
  const [late, weeks, recent] = await Promise.all([
    knex.raw(
      `SELECT late_stage, count(*)::int AS n FROM delay_watch
        WHERE deleted_at IS NULL AND late_stage IS NOT NULL
          AND delivered_at IS NULL AND closed_at IS NULL
        GROUP BY late_stage`
    ),
    knex.raw(
      `SELECT w.start, i.detected
         FROM ${OVERVIEW_WEEKS_SQL}
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS detected
            FROM delay_watch_incident
           WHERE deleted_at IS NULL
             AND detected_at >= w.start AND detected_at < w.start + interval '168 hours'
        ) i`,
      weekBindings(period)
    ),
    knex.raw(
      `SELECT order_id, stage, detected_at, ticket_id FROM delay_watch_incident
        WHERE deleted_at IS NULL
        ORDER BY detected_at DESC
        LIMIT 10`
    ),
  ])
  const byStage = { ship: 0, deliver: 0, carrier: 0 }
  for (const r of late.rows as { late_stage: keyof typeof byStage; n: number }[]) {
    byStage[r.late_stage] = r.n
  }
  return {
    late: byStage,
    weeks: (weeks.rows as { start: Date; detected: number }[]).map((r) => ({
      week: weekKey(r.start),
      detected: r.detected,
    })),
    recent: recent.rows as DelaysOverviewSummary["recent"],
  }
}
