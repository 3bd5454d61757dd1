import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { GesturesOverviewSummary, OverviewPeriod } from "../../../types/overview"
import { OVERVIEW_WEEKS_SQL, weekBindings, weekKey } from "../../../utils/overview-weeks"

/**
 * The gestures module's part of the after-sales overview, from `IDX_gestures_gesture_created_at`.
 * Money is summed as `numeric` and answered as the decimal string Postgres gives, never a float.
 * Cost counts issued coupons with an amount and store credit: points are not money until
 * redeemed, and free shipping has no amount when issued.
 */
export async function summarizeGestures(knex: Knex, period: OverviewPeriod): Promise<GesturesOverviewSummary> {
  const bindings = weekBindings(period)
  const [weeks, costs, pending, recent] = await Promise.all([
    knex.raw(
      `SELECT w.start, g.issued, g.redeemed
         FROM ${OVERVIEW_WEEKS_SQL}
        CROSS JOIN LATERAL (
          SELECT count(issued_at)::int AS issued, count(redeemed_at)::int AS redeemed
            FROM gestures_gesture
           WHERE deleted_at IS NULL
             AND created_at >= w.start AND created_at < w.start + interval '168 hours'
        ) g`,
      bindings
    ),
    knex.raw(
      `SELECT w.start, c.currency_code, c.cost
         FROM ${OVERVIEW_WEEKS_SQL}
        CROSS JOIN LATERAL (
          SELECT currency_code, coalesce(sum(amount), 0)::text AS cost
            FROM gestures_gesture
           WHERE deleted_at IS NULL AND issued_at IS NOT NULL
             -- A gesture taken back unused (its order was cancelled) cost nothing.
             AND status <> 'revoked'
             AND kind IN ('fixed', 'store_credit', 'percentage')
             AND created_at >= w.start AND created_at < w.start + interval '168 hours'
           GROUP BY currency_code
        ) c`,
      bindings
    ),
    knex.raw(
      `SELECT count(*)::int AS n FROM gestures_gesture
        WHERE deleted_at IS NULL AND status = 'pending_approval'`
    ),
    knex.raw(
      `SELECT id, kind, status, amount::text AS amount, currency_code, customer_id, created_at
         FROM gestures_gesture
        WHERE deleted_at IS NULL
        ORDER BY created_at DESC
        LIMIT 10`
    ),
  ])
  const cost = new Map<string, Record<string, string>>()
  for (const r of costs.rows as { start: Date; currency_code: string; cost: string }[]) {
    const week = weekKey(r.start)
    cost.set(week, { ...cost.get(week), [r.currency_code]: r.cost })
  }
  return {
    pending_approval: (pending.rows as { n: number }[])[0]?.n ?? 0,
    weeks: (weeks.rows as { start: Date; issued: number; redeemed: number }[]).map(({ start, ...r }) => {
      const week = weekKey(start)
      return { week, ...r, cost: cost.get(week) ?? {} }
    }),
    recent: recent.rows as GesturesOverviewSummary["recent"],
  }
}
