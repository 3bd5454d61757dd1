import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { OverviewPeriod, ReturnsOverviewSummary } from "../../../types/overview"
import { OVERVIEW_WEEKS_SQL, weekBindings, weekKey } from "../../../utils/overview-weeks"

/**
 * The return rules module's part of the after-sales overview: requests per week by resolution,
 * from `IDX_return_rules_return_request_overview` alone (it holds the resolution).
 */
export async function summarizeRequests(knex: Knex, period: OverviewPeriod): Promise<ReturnsOverviewSummary> {
  const { rows } = await knex.raw(
    `SELECT w.start, r.exchange, r.store_credit, r.refund
       FROM ${OVERVIEW_WEEKS_SQL}
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE resolution = 'exchange')::int AS exchange,
               count(*) FILTER (WHERE resolution = 'store_credit')::int AS store_credit,
               count(*) FILTER (WHERE resolution = 'refund')::int AS refund
          FROM return_rules_return_request
         WHERE deleted_at IS NULL
           AND created_at >= w.start AND created_at < w.start + interval '168 hours'
      ) r`,
    weekBindings(period)
  )
  return {
    weeks: (rows as { start: Date; exchange: number; store_credit: number; refund: number }[]).map(
      ({ start, ...r }) => ({ week: weekKey(start), ...r })
    ),
  }
}
