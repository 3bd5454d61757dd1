import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { Section } from "../components/section"
import { useOrderAftersales } from "../hooks/api/order-aftersales"
import { formatDate, formatMoney } from "../lib/format"

const statusColor = (status: string) =>
  (({ open: "orange", pending_customer: "blue", resolved: "green", closed: "grey" }) as const)[
    status as "open"
  ] ?? "grey"

/** After-sales on the order page: points, tickets, gestures, the delivery promise, returns. */
const OrderAftersalesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t, i18n } = useTranslation()
  const { data, isPending, isError } = useOrderAftersales(order.id)
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.common.order.${key}`, opts)

  return (
    <Container className="divide-y p-0" data-testid="aftersales-order-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{k("title")}</Heading>
      </div>
      {isPending && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {t("aftersales.common.loading")}
        </Text>
      )}
      {isError && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {t("aftersales.common.error")}
        </Text>
      )}
      {data && (
        <>
          <Section title={k("points")} testId="aftersales-order-points">
            <div className="flex gap-x-6">
              <Text size="small">
                {k("earned")}: <span className="font-medium">{data.loyalty.points_earned}</span>
              </Text>
              <Text size="small">
                {k("redeemed")}: <span className="font-medium">{data.loyalty.points_redeemed}</span>
              </Text>
            </div>
          </Section>

          <Section
            title={k("tickets")}
            empty={!data.tickets.length && k("no_tickets")}
            testId="aftersales-order-tickets"
          >
            {data.tickets.map((ticket) => (
              <div key={ticket.id} className="flex items-center justify-between gap-x-2">
                <Link to={`/support/${ticket.id}`} className="text-ui-fg-interactive txt-small">
                  {ticket.number} {ticket.subject}
                </Link>
                <div className="flex gap-x-1">
                  {ticket.sla_breached_at && <Badge size="2xsmall" color="red">{k("sla_breached")}</Badge>}
                  <StatusBadge color={statusColor(ticket.status)}>
                    {t(`aftersales.common.ticket_status.${ticket.status}`)}
                  </StatusBadge>
                </div>
              </div>
            ))}
          </Section>

          <Section
            title={k("gestures")}
            empty={!data.gestures.length && k("no_gestures")}
            testId="aftersales-order-gestures"
          >
            {data.gestures.map((g) => (
              <div key={g.id} className="flex items-center justify-between">
                <Text size="small">
                  {t(`aftersales.common.gesture_kind.${g.kind}`)}
                  {g.kind === "points" ? ` · ${g.amount}` : ` · ${formatMoney(g.amount, g.currency_code, i18n.language)}`}
                  {g.code ? ` · ${g.code}` : ""}
                </Text>
                <Badge size="2xsmall">{t(`aftersales.common.gesture_status.${g.status}`)}</Badge>
              </div>
            ))}
          </Section>

          <Section
            title={k("delivery")}
            empty={!data.delay && k("no_promise")}
            testId="aftersales-order-delay"
          >
            {data.delay && (
              <div className="flex flex-col gap-y-1">
                <Text size="small">
                  {k("ship_by")}: {formatDate(data.delay.ship_by, i18n.language)} ·{" "}
                  {k("deliver_by")}: {formatDate(data.delay.deliver_by, i18n.language)}
                </Text>
                <div>
                  <StatusBadge color={data.delay.late_stage ? "red" : data.delay.delivered_at ? "green" : "blue"}>
                    {data.delay.late_stage
                      ? t(`aftersales.common.delay_stage.${data.delay.late_stage}`)
                      : data.delay.delivered_at
                        ? k("delivered")
                        : k("on_time")}
                  </StatusBadge>
                </div>
                {data.delay.incidents.map((i) => (
                  <Text key={i.id} size="xsmall" className="text-ui-fg-subtle">
                    {t(`aftersales.common.delay_stage.${i.stage}`)} · {i.cause}
                    {i.choice ? ` · ${k("choice")}: ${t(`aftersales.common.delay_choice.${i.choice}`)}` : ""}
                  </Text>
                ))}
              </div>
            )}
          </Section>

          <Section
            title={k("returns")}
            empty={!data.return_options?.lines.length && k("no_lines")}
            testId="aftersales-order-returns"
          >
            {data.return_options?.lines.map((line) => (
              <div key={line.item_id} className="flex items-center justify-between gap-x-2">
                <Text size="small" className="truncate">
                  {line.title} × {line.quantity}
                </Text>
                {line.returnable ? (
                  <Badge size="2xsmall" color="green">
                    {k("returnable_until", { date: formatDate(line.window?.ends_at, i18n.language) })}
                  </Badge>
                ) : (
                  <Badge size="2xsmall" color="grey" title={line.reason?.message}>
                    {line.reason
                      ? t(`aftersales.common.refusal.${line.reason.code}`, { defaultValue: k("not_returnable") })
                      : k("not_returnable")}
                  </Badge>
                )}
              </div>
            ))}
            {data.return_options?.requests.map((r) => (
              <Text key={r.id} size="xsmall" className="text-ui-fg-subtle">
                {k("request")}: {t(`aftersales.common.resolution.${r.resolution}`)} ·{" "}
                {formatDate(r.created_at, i18n.language)}
                {r.exchange ? ` · ${k("exchange")} ${r.exchange.id}` : ""}
                {r.return ? ` · ${k("return")} ${r.return.status}` : ""}
              </Text>
            ))}
          </Section>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details",
})

export default OrderAftersalesWidget
