import { OverviewPeriod } from "../types/overview"

const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/**
 * The weekly buckets of an overview period as SQL: `w(start)` holds the start of each week and
 * a row belongs to `[w.start, w.start + interval '168 hours')`. Hours, not days, so a session
 * time zone with summer time cannot stretch a week. Binds `:first_week` and `:last_week`
 * (`weekBindings`); each module's repository joins its aggregate to it laterally, so every
 * week is one range scan of an index on the time column and no row is bucketed one by one.
 */
export const OVERVIEW_WEEKS_SQL =
  "generate_series(CAST(:first_week AS timestamptz), CAST(:last_week AS timestamptz), interval '168 hours') AS w(start)"

/** The bindings of `OVERVIEW_WEEKS_SQL`: the first week's start and the last one's. */
export function weekBindings({ from, to }: OverviewPeriod) {
  const weeks = Math.max(1, Math.floor((to.getTime() - from.getTime()) / WEEK_MS) + 1)
  return { first_week: from, last_week: new Date(from.getTime() + (weeks - 1) * WEEK_MS) }
}

/** A week's key: the date it starts on, `YYYY-MM-DD` in UTC. */
export function weekKey(start: Date) {
  return new Date(start).toISOString().slice(0, 10)
}
