import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { IAftersalesSettingsModuleService } from "../../../../types/settings"
import DelayWatchModuleService from "../../../../modules/delay_watch/service"
import GesturesModuleService from "../../../../modules/gestures/service"
import LoyaltyPointsModuleService from "../../../../modules/loyalty_points/service"
import ReturnRulesModuleService from "../../../../modules/return_rules/service"
import SupportModuleService from "../../../../modules/support/service"
import {
  AdminAftersalesOverviewResponse,
  MoneyByCurrency,
  OverviewWeek,
} from "../../../../types/http/overview"
import { AftersalesModules } from "../../../../types/modules"
import { OverviewPeriod } from "../../../../types/overview"
import { ticketNumber } from "../../support-tickets/helpers"

const WEEKS = 12

/**
 * The overview's figures. Each module answers its own part over the period (`summarize`: a
 * few aggregate queries over indexed columns, never a load of all rows); this combines them
 * into the weekly series and the period's totals and rates.
 */
export async function computeOverview(
  container: MedusaContainer,
  now = new Date()
): Promise<AdminAftersalesOverviewResponse> {
  const from = startOfWeek(now)
  from.setUTCDate(from.getUTCDate() - 7 * (WEEKS - 1))
  const period: OverviewPeriod = { from, to: now }

  const [settings, loyalty, support, gestures, returns, delays] = await Promise.all([
    container.resolve<IAftersalesSettingsModuleService>(AftersalesModules.SETTINGS).getSettings(),
    container.resolve<LoyaltyPointsModuleService>(AftersalesModules.LOYALTY_POINTS).summarize(period),
    container.resolve<SupportModuleService>(AftersalesModules.SUPPORT).summarize(period),
    container.resolve<GesturesModuleService>(AftersalesModules.GESTURES).summarize(period),
    container.resolve<ReturnRulesModuleService>(AftersalesModules.RETURN_RULES).summarize(period),
    container.resolve<DelayWatchModuleService>(AftersalesModules.DELAY_WATCH).summarize(period),
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
  const fill = <T extends { week: string }>(weeks: T[], set: (w: OverviewWeek, r: T) => void) => {
    for (const r of weeks) {
      const w = series.get(r.week)
      if (w) {
        set(w, r)
      }
    }
  }
  fill(loyalty.weeks, (w, r) => Object.assign(w, { points_earned: r.earned, points_redeemed: r.redeemed }))
  fill(support.weeks, (w, r) =>
    Object.assign(w, {
      tickets_opened: r.opened,
      tickets_breached: r.breached,
      ratings: r.ratings,
      rating_sum: r.rating_sum,
    })
  )
  fill(returns.weeks, (w, r) =>
    Object.assign(w, {
      requests_exchange: r.exchange,
      requests_store_credit: r.store_credit,
      requests_refund: r.refund,
    })
  )
  fill(gestures.weeks, (w, r) =>
    Object.assign(w, {
      gestures_issued: r.issued,
      gestures_redeemed: r.redeemed,
      gesture_cost: Object.fromEntries(
        Object.entries(r.cost).map(([currency, amount]) => [currency, MathBN.convert(amount).toNumber()])
      ),
    })
  )
  fill(delays.weeks, (w, r) => Object.assign(w, { late_detected: r.detected }))

  const weeks = [...series.values()]
  const total = (f: (w: OverviewWeek) => number) => weeks.reduce((sum, w) => sum + f(w), 0)
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null)
  const available = loyalty.points_available
  const pending = loyalty.points_pending

  const liability: MoneyByCurrency = {}
  for (const [currency, value] of Object.entries(settings.loyalty.point_values)) {
    liability[currency] = MathBN.mult(available + pending, value).toNumber()
  }
  // Summed from the modules' exact decimal strings, not from the weeks' numbers.
  const costs: Record<string, ReturnType<typeof MathBN.add>> = {}
  for (const w of gestures.weeks) {
    for (const [currency, amount] of Object.entries(w.cost)) {
      if (series.has(w.week)) {
        costs[currency] = MathBN.add(costs[currency] ?? 0, amount)
      }
    }
  }
  const cost: MoneyByCurrency = Object.fromEntries(
    Object.entries(costs).map(([currency, amount]) => [currency, amount.toNumber()])
  )
  const lateBy = delays.late

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
      pending_approval: gestures.pending_approval,
      redemption_rate: ratio(gesturesRedeemed, issued),
      cost,
    },
    support: {
      tickets: ticketCount,
      open: support.open,
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
      late_orders: delays.recent.map((r) => ({ ...r, detected_at: new Date(r.detected_at).toISOString() })),
      breached_tickets: support.recent_breached.map(({ display_id, ...r }) => ({
        ...r,
        number: ticketNumber(display_id),
        sla_breached_at: new Date(r.sla_breached_at).toISOString(),
      })),
      gestures: gestures.recent.map((r) => ({
        ...r,
        amount: MathBN.convert(r.amount).toNumber(),
        created_at: new Date(r.created_at).toISOString(),
      })),
    },
  }
}

function startOfWeek(d: Date) {
  const s = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
  const day = (s.getUTCDay() + 6) % 7 // Monday = 0, as Postgres' date_trunc('week')
  s.setUTCDate(s.getUTCDate() - day)
  return s
}
