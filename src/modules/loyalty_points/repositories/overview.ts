import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { LoyaltyOverviewSummary, OverviewPeriod } from "../../../types/overview"
import { OVERVIEW_WEEKS_SQL, weekBindings, weekKey } from "../../../utils/overview-weeks"

/**
 * The ledger's part of the after-sales overview, in two statements. The weekly sums read only
 * the entry types they count, one range of `IDX_loyalty_points_transaction_overview` a week,
 * from the index alone (`points` and `type` are in it): a year of a busy store's ledger is a
 * million rows, and the overview never loads one of them.
 */
export async function summarizeLedger(knex: Knex, period: OverviewPeriod): Promise<LoyaltyOverviewSummary> {
  const [accounts, weeks] = await Promise.all([
    knex.raw(
      `SELECT coalesce(sum(balance), 0)::int AS available, coalesce(sum(pending), 0)::int AS pending
         FROM loyalty_points_account
        WHERE deleted_at IS NULL`
    ),
    knex.raw(
      `SELECT w.start, l.earned, l.redeemed
         FROM ${OVERVIEW_WEEKS_SQL}
        CROSS JOIN LATERAL (
          SELECT coalesce(sum(points) FILTER (WHERE type IN ('earn', 'reverse')), 0)::int AS earned,
                 coalesce(-sum(points) FILTER (WHERE type IN ('redeem', 'refund')), 0)::int AS redeemed
            FROM loyalty_points_transaction
           WHERE deleted_at IS NULL
             AND type IN ('earn', 'reverse', 'redeem', 'refund')
             AND created_at >= w.start AND created_at < w.start + interval '168 hours'
        ) l`,
      weekBindings(period)
    ),
  ])
  const [totals] = accounts.rows as { available: number; pending: number }[]
  return {
    points_available: totals?.available ?? 0,
    points_pending: totals?.pending ?? 0,
    weeks: (weeks.rows as { start: Date; earned: number; redeemed: number }[]).map((r) => ({
      week: weekKey(r.start),
      earned: r.earned,
      redeemed: r.redeemed,
    })),
  }
}
