import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { OverviewPeriod, SupportOverviewSummary } from "../../../types/overview"
import { OVERVIEW_WEEKS_SQL, weekBindings, weekKey } from "../../../utils/overview-weeks"

/**
 * The support module's part of the after-sales overview: tickets opened and breached per week
 * (`IDX_support_ticket_overview`), ratings per week rated (`IDX_support_ticket_resolution_rated`),
 * open tickets (`IDX_support_ticket_status`) and the last breaches (`IDX_support_ticket_breached`).
 */
export async function summarizeTickets(knex: Knex, period: OverviewPeriod): Promise<SupportOverviewSummary> {
  const [weeks, open, breached] = await Promise.all([
    knex.raw(
      `SELECT w.start, t.opened, t.breached, r.ratings, r.rating_sum
         FROM ${OVERVIEW_WEEKS_SQL}
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS opened, count(sla_breached_at)::int AS breached
            FROM support_ticket
           WHERE deleted_at IS NULL
             AND created_at >= w.start AND created_at < w.start + interval '168 hours'
        ) t
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS ratings, coalesce(sum(rating_score), 0)::int AS rating_sum
            FROM support_ticket_resolution
           WHERE deleted_at IS NULL AND rating_score IS NOT NULL
             AND rated_at >= w.start AND rated_at < w.start + interval '168 hours'
        ) r`,
      weekBindings(period)
    ),
    knex.raw(
      `SELECT count(*)::int AS n FROM support_ticket
        WHERE deleted_at IS NULL AND status IN ('open', 'pending_customer')`
    ),
    knex.raw(
      `SELECT id, display_id, subject, sla_breached_at FROM support_ticket
        WHERE deleted_at IS NULL AND sla_breached_at IS NOT NULL
        ORDER BY sla_breached_at DESC
        LIMIT 10`
    ),
  ])
  return {
    open: (open.rows as { n: number }[])[0]?.n ?? 0,
    weeks: (
      weeks.rows as { start: Date; opened: number; breached: number; ratings: number; rating_sum: number }[]
    ).map(({ start, ...r }) => ({ week: weekKey(start), ...r })),
    recent_breached: breached.rows as SupportOverviewSummary["recent_breached"],
  }
}
