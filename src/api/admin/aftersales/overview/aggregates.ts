import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import AftersalesSettingsService from "../../../../modules/aftersales_settings/service"
import {
  AdminAftersalesOverviewResponse,
  MoneyByCurrency,
  OverviewWeek,
} from "../../../../types/http/overview"
import { AftersalesModules } from "../../../../types/modules"
import { ticketNumber } from "../../support-tickets/helpers"

const WEEKS = 12

/**
 * The overview's figures, computed in the database: each part is one aggregate query over
 * indexed columns of the period, never a load of all rows. Tables are the plugin's own
 * modules'; the queries only read.
 */
export async function computeOverview(
  container: MedusaContainer,
  now = new Date()
): Promise<AdminAftersalesOverviewResponse> {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const settings = await container
    .resolve<AftersalesSettingsService>(AftersalesModules.SETTINGS)
    .getSettings()
  const from = startOfWeek(now)
  from.setUTCDate(from.getUTCDate() - 7 * (WEEKS - 1))

  const week = (col: string) => knex.raw(`to_char(date_trunc('week', ??), 'YYYY-MM-DD') as week`, [col])
  const since = (q: Knex.QueryBuilder, col: string) => q.where(col, ">=", from).whereNull("deleted_at")

  const [accounts, ledger, tickets, openTickets, ratings, requests, gestures, gestureCost, pendingGestures, late, incidents, recentLate, recentBreached, recentGestures] =
    await Promise.all([
      knex("loyalty_points_account")
        .whereNull("deleted_at")
        .select(knex.raw("coalesce(sum(balance), 0)::int as available, coalesce(sum(pending), 0)::int as pending")),
      since(knex("loyalty_points_transaction"), "created_at")
        .select(
          week("created_at"),
          knex.raw("coalesce(sum(points) filter (where type in ('earn', 'reverse')), 0)::int as earned"),
          knex.raw("coalesce(-sum(points) filter (where type in ('redeem', 'refund')), 0)::int as redeemed")
        )
        .groupBy("week"),
      since(knex("support_ticket"), "created_at")
        .select(week("created_at"), knex.raw("count(*)::int as opened, count(sla_breached_at)::int as breached"))
        .groupBy("week"),
      knex("support_ticket")
        .whereNull("deleted_at")
        .whereIn("status", ["open", "pending_customer"])
        .count<{ count: string }[]>({ count: "*" }),
      since(knex("support_ticket_resolution"), "rated_at")
        .whereNotNull("rating_score")
        .select(week("rated_at"), knex.raw("count(*)::int as ratings, coalesce(sum(rating_score), 0)::int as rating_sum"))
        .groupBy("week"),
      since(knex("return_rules_return_request"), "created_at")
        .select(week("created_at"), "resolution", knex.raw("count(*)::int as n"))
        .groupBy("week", "resolution"),
      since(knex("gestures_gesture"), "created_at")
        .select(
          week("created_at"),
          knex.raw("count(issued_at)::int as issued, count(redeemed_at)::int as redeemed")
        )
        .groupBy("week"),
      // Money handed out: coupons with an amount and store credit (points are not money until
      // redeemed, free shipping has no amount when issued).
      since(knex("gestures_gesture"), "created_at")
        .whereNotNull("issued_at")
        // A gesture taken back unused (its order was cancelled) cost nothing.
        .whereNot("status", "revoked")
        .whereIn("kind", ["fixed", "store_credit", "percentage"])
        .select(week("created_at"), "currency_code", knex.raw("coalesce(sum(amount), 0)::float as cost"))
        .groupBy("week", "currency_code"),
      knex("gestures_gesture")
        .whereNull("deleted_at")
        .where("status", "pending_approval")
        .count<{ count: string }[]>({ count: "*" }),
      knex("delay_watch")
        .whereNull("deleted_at")
        .whereNotNull("late_stage")
        .whereNull("delivered_at")
        .whereNull("closed_at")
        .select("late_stage", knex.raw("count(*)::int as n"))
        .groupBy("late_stage"),
      since(knex("delay_watch_incident"), "detected_at")
        .select(week("detected_at"), knex.raw("count(*)::int as n"))
        .groupBy("week"),
      knex("delay_watch_incident")
        .whereNull("deleted_at")
        .orderBy("detected_at", "desc")
        .limit(10)
        .select("order_id", "stage", "detected_at", "ticket_id"),
      knex("support_ticket")
        .whereNull("deleted_at")
        .whereNotNull("sla_breached_at")
        .orderBy("sla_breached_at", "desc")
        .limit(10)
        .select("id", "display_id", "subject", "sla_breached_at"),
      knex("gestures_gesture")
        .whereNull("deleted_at")
        .orderBy("created_at", "desc")
        .limit(10)
        .select("id", "kind", "status", "amount", "currency_code", "customer_id", "created_at"),
    ])

  const series = new Map<string, OverviewWeek>()
  for (let i = 0; i < WEEKS; i++) {
    const d = new Date(from)
    d.setUTCDate(d.getUTCDate() + 7 * i)
    const key = d.toISOString().slice(0, 10)
    series.set(key, {
      week: key,
      points_earned: 0,
      points_redeemed: 0,
      tickets_opened: 0,
      tickets_breached: 0,
      ratings: 0,
      rating_sum: 0,
      requests_exchange: 0,
      requests_store_credit: 0,
      requests_refund: 0,
      gestures_issued: 0,
      gestures_redeemed: 0,
      gesture_cost: {},
      late_detected: 0,
    })
  }
  const at = (w: string) => series.get(w)
  for (const r of ledger as any[]) {
    const s = at(r.week)
    if (s) Object.assign(s, { points_earned: r.earned, points_redeemed: r.redeemed })
  }
  for (const r of tickets as any[]) {
    const s = at(r.week)
    if (s) Object.assign(s, { tickets_opened: r.opened, tickets_breached: r.breached })
  }
  for (const r of ratings as any[]) {
    const s = at(r.week)
    if (s) Object.assign(s, { ratings: r.ratings, rating_sum: r.rating_sum })
  }
  for (const r of requests as any[]) {
    const s = at(r.week)
    if (s) s[`requests_${r.resolution}` as "requests_refund"] = r.n
  }
  for (const r of gestures as any[]) {
    const s = at(r.week)
    if (s) Object.assign(s, { gestures_issued: r.issued, gestures_redeemed: r.redeemed })
  }
  for (const r of gestureCost as any[]) {
    const s = at(r.week)
    if (s) s.gesture_cost[r.currency_code] = r.cost
  }
  for (const r of incidents as any[]) {
    const s = at(r.week)
    if (s) s.late_detected = r.n
  }

  const weeks = [...series.values()]
  const total = (f: (w: OverviewWeek) => number) => weeks.reduce((sum, w) => sum + f(w), 0)
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null)
  const available = Number((accounts as any[])[0]?.available ?? 0)
  const pending = Number((accounts as any[])[0]?.pending ?? 0)

  const liability: MoneyByCurrency = {}
  for (const [currency, value] of Object.entries(settings.loyalty.point_values)) {
    liability[currency] = MathBN.mult(available + pending, value).toNumber()
  }
  const cost: MoneyByCurrency = {}
  for (const w of weeks) {
    for (const [currency, amount] of Object.entries(w.gesture_cost)) {
      cost[currency] = MathBN.add(cost[currency] ?? 0, amount).toNumber()
    }
  }
  const lateBy = { ship: 0, deliver: 0, carrier: 0 }
  for (const r of late as any[]) lateBy[r.late_stage as "ship"] = r.n

  const earned = total((w) => w.points_earned)
  const redeemed = total((w) => w.points_redeemed)
  const exchanges = total((w) => w.requests_exchange)
  const allRequests = exchanges + total((w) => w.requests_store_credit) + total((w) => w.requests_refund)
  const issued = total((w) => w.gestures_issued)
  const gesturesRedeemed = total((w) => w.gestures_redeemed)
  const ticketCount = total((w) => w.tickets_opened)
  const breached = total((w) => w.tickets_breached)
  const ratingCount = total((w) => w.ratings)

  return {
    period: { from: from.toISOString(), to: now.toISOString(), weeks: WEEKS },
    loyalty: {
      points_available: available,
      points_pending: pending,
      liability,
      points_earned: earned,
      points_redeemed: redeemed,
      redemption_rate: ratio(redeemed, earned),
    },
    returns: {
      requests: allRequests,
      exchanges,
      store_credit: total((w) => w.requests_store_credit),
      refunds: total((w) => w.requests_refund),
      exchange_share: ratio(exchanges, allRequests),
    },
    gestures: {
      issued,
      redeemed: gesturesRedeemed,
      pending_approval: Number((pendingGestures as any[])[0]?.count ?? 0),
      redemption_rate: ratio(gesturesRedeemed, issued),
      cost,
    },
    support: {
      tickets: ticketCount,
      open: Number((openTickets as any[])[0]?.count ?? 0),
      breached,
      breach_rate: ratio(breached, ticketCount),
      ratings: ratingCount,
      average_rating: ratingCount ? Math.round((total((w) => w.rating_sum) / ratingCount) * 100) / 100 : null,
    },
    delays: {
      late_orders: lateBy,
      total_late: lateBy.ship + lateBy.deliver + lateBy.carrier,
    },
    series: weeks,
    recent: {
      late_orders: (recentLate as any[]).map((r) => ({ ...r, detected_at: new Date(r.detected_at).toISOString() })),
      breached_tickets: (recentBreached as any[]).map(({ display_id, ...r }) => ({
        ...r,
        number: ticketNumber(display_id),
        sla_breached_at: new Date(r.sla_breached_at).toISOString(),
      })),
      gestures: (recentGestures as any[]).map((r) => ({ ...r, amount: Number(r.amount), created_at: new Date(r.created_at).toISOString() })),
    },
  }
}

function startOfWeek(d: Date) {
  const s = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
  const day = (s.getUTCDay() + 6) % 7 // Monday = 0, as Postgres' date_trunc('week')
  s.setUTCDate(s.getUTCDate() - day)
  return s
}
