import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { RecentTable } from "../../components/recent-table"
import { Stat } from "../../components/stat"
import { WeeklyChart } from "../../components/weekly-chart"
import { useAftersalesOverview } from "../../hooks/api/aftersales"
import { formatDate, formatMoney } from "../../lib/format"

const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 1000) / 10}%`)

/** The after-sales overview: what the programme costs and earns, and how service is doing. */
const AftersalesOverviewPage = () => {
  const { t, i18n } = useTranslation()
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.overview.${key}`, opts)
  const { data, isPending, isError } = useAftersalesOverview()
  const money = (m: Record<string, number>) =>
    Object.entries(m)
      .filter(([, v]) => v)
      .map(([c, v]) => formatMoney(v, c, i18n.language))
      .join(" · ") || "0"

  if (isPending) {
    return (
      <Container data-testid="aftersales-overview">
        <Text>{t("aftersales.common.loading")}</Text>
      </Container>
    )
  }
  if (isError || !data) {
    return (
      <Container data-testid="aftersales-overview">
        <Text className="text-ui-fg-error">{t("aftersales.common.error")}</Text>
      </Container>
    )
  }

  const weeks = data.series.map(({ gesture_cost: _cost, ...w }) => ({
    ...w,
    label: new Date(w.week).toLocaleDateString(i18n.language, { month: "short", day: "numeric" }),
  }))

  return (
    <div className="flex flex-col gap-y-3" data-testid="aftersales-overview">
      <Container className="flex flex-col gap-y-4">
        <div>
          <Heading level="h1">{k("title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {k("period", { from: formatDate(data.period.from, i18n.language), weeks: data.period.weeks })}
          </Text>
        </div>
        <div className="grid gap-3" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))" }}>
          <Stat
            testId="aftersales-stat-liability"
            label={k("liability")}
            value={(data.loyalty.points_available + data.loyalty.points_pending).toLocaleString(i18n.language)}
            hint={money(data.loyalty.liability)}
          />
          <Stat
            testId="aftersales-stat-redemption"
            label={k("redemption_rate")}
            value={percent(data.loyalty.redemption_rate)}
            hint={k("points_of", { redeemed: data.loyalty.points_redeemed, earned: data.loyalty.points_earned })}
          />
          <Stat
            testId="aftersales-stat-exchange-share"
            label={k("exchange_share")}
            value={percent(data.returns.exchange_share)}
            hint={k("requests_of", { exchanges: data.returns.exchanges, requests: data.returns.requests })}
          />
          <Stat
            testId="aftersales-stat-gestures"
            label={k("gesture_cost")}
            value={money(data.gestures.cost)}
            hint={k("gestures_redeemed", { redeemed: data.gestures.redeemed, issued: data.gestures.issued })}
          />
          <Stat
            testId="aftersales-stat-sla"
            label={k("sla_breach_rate")}
            value={percent(data.support.breach_rate)}
            hint={k("tickets_breached", { breached: data.support.breached, tickets: data.support.tickets })}
          />
          <Stat
            testId="aftersales-stat-csat"
            label={k("average_rating")}
            value={data.support.average_rating === null ? "—" : `${data.support.average_rating} / 5`}
            hint={k("ratings", { count: data.support.ratings })}
          />
          <Stat
            testId="aftersales-stat-late"
            label={k("late_orders")}
            value={String(data.delays.total_late)}
            hint={k("late_by_stage", data.delays.late_orders)}
          />
          <Stat
            testId="aftersales-stat-open-tickets"
            label={k("open_tickets")}
            value={String(data.support.open)}
            hint={k("pending_approval", { count: data.gestures.pending_approval })}
          />
        </div>
      </Container>

      <Container className="grid gap-6" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(420px, 1fr))" }}>
        <WeeklyChart
          testId="aftersales-chart-points"
          title={k("chart_points")}
          data={weeks}
          series={[
            { key: "points_earned", label: k("earned") },
            { key: "points_redeemed", label: k("redeemed") },
          ]}
        />
        <WeeklyChart
          testId="aftersales-chart-returns"
          title={k("chart_returns")}
          data={weeks}
          stacked
          series={[
            { key: "requests_exchange", label: t("aftersales.common.resolution.exchange") },
            { key: "requests_store_credit", label: t("aftersales.common.resolution.store_credit") },
            { key: "requests_refund", label: t("aftersales.common.resolution.refund") },
          ]}
        />
        <WeeklyChart
          testId="aftersales-chart-support"
          title={k("chart_support")}
          data={weeks}
          series={[
            { key: "tickets_opened", label: k("opened") },
            { key: "tickets_breached", label: k("breached") },
          ]}
        />
        <WeeklyChart
          testId="aftersales-chart-gestures"
          title={k("chart_gestures")}
          data={weeks}
          series={[
            { key: "gestures_issued", label: k("issued") },
            { key: "gestures_redeemed", label: k("redeemed") },
            { key: "late_detected", label: k("late_detected") },
          ]}
        />
      </Container>

      <Container className="flex flex-col gap-y-2 p-0 pb-2">
        <RecentTable
          testId="aftersales-table-late"
          title={k("recent_late")}
          empty={k("none_late")}
          rows={data.recent.late_orders.map((r) => ({
            key: `${r.order_id}-${r.stage}`,
            cells: [
              <Link className="text-ui-fg-interactive" to={`/orders/${r.order_id}`}>
                {r.order_id}
              </Link>,
              <StatusBadge color="red">{t(`aftersales.common.delay_stage.${r.stage}`)}</StatusBadge>,
              formatDate(r.detected_at, i18n.language),
            ],
          }))}
        />
        <RecentTable
          testId="aftersales-table-breached"
          title={k("recent_breached")}
          empty={k("none_breached")}
          rows={data.recent.breached_tickets.map((r) => ({
            key: r.id,
            cells: [
              <Link className="text-ui-fg-interactive" to={`/support/${r.id}`}>
                {r.number} {r.subject}
              </Link>,
              formatDate(r.sla_breached_at, i18n.language),
            ],
          }))}
        />
        <RecentTable
          testId="aftersales-table-gestures"
          title={k("recent_gestures")}
          empty={k("none_gestures")}
          rows={data.recent.gestures.map((g) => ({
            key: g.id,
            cells: [
              <Link className="text-ui-fg-interactive" to={`/customers/${g.customer_id}`}>
                {t(`aftersales.common.gesture_kind.${g.kind}`)}
              </Link>,
              g.kind === "points" ? String(g.amount) : formatMoney(g.amount, g.currency_code, i18n.language),
              t(`aftersales.common.gesture_status.${g.status}`),
              formatDate(g.created_at, i18n.language),
            ],
          }))}
        />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "aftersales.overview.menu",
  translationNs: "translation",
  icon: ChartBar,
})

export default AftersalesOverviewPage
