import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { AdminSupportTicket } from "../../../types/http/support"
import { formatDate } from "../../lib/format"
import { formatDateTime } from "../../lib/format-time"
import { customerName } from "../../lib/support"
import { ResolveTicketDrawer } from "./resolve-ticket-drawer"
import { SlaBadge, TicketStatusBadge } from "./ticket-badges"

/** A label and its value, one row of a core detail section. */
const Row = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-4" data-testid={testId}>
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="txt-small text-ui-fg-base">{children}</div>
  </div>
)

/**
 * The head of a ticket page: number, subject, status and SLA, who it is for and which order it
 * is about, and the Resolve action while the ticket is still open.
 */
export const TicketSummary = ({ ticket }: { ticket: AdminSupportTicket }) => {
  const { t, i18n } = useTranslation()
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.support.${key}`, opts)
  const lang = i18n.language
  const resolvable = ticket.status === "open" || ticket.status === "pending_customer"

  return (
    <Container className="divide-y p-0" data-testid="aftersales-ticket-summary">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Heading level="h1" className="break-words">
            <span className="text-ui-fg-muted">{ticket.number}</span> {ticket.subject}
          </Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {k("ticket.opened", {
              date: formatDateTime(ticket.created_at, lang),
              channel: k(`channel.${ticket.channel}`),
              source: k(`source.${ticket.source}`),
            })}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          <SlaBadge ticket={ticket} showOnTrack />
          <TicketStatusBadge status={ticket.status} />
          {resolvable && <ResolveTicketDrawer ticket={ticket} />}
        </div>
      </div>
      <Row label={k("columns.customer")} testId="aftersales-ticket-customer">
        <Link to={`/customers/${ticket.customer_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
          {customerName(ticket.customer)}
        </Link>
        {ticket.customer?.email && customerName(ticket.customer) !== ticket.customer.email && (
          <Text size="small" className="text-ui-fg-subtle">
            {ticket.customer.email}
          </Text>
        )}
      </Row>
      <Row label={k("columns.order")} testId="aftersales-ticket-order">
        {ticket.order_id ? (
          <Link to={`/orders/${ticket.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
            {k("ticket.view_order")}
          </Link>
        ) : (
          k("ticket.no_order")
        )}
      </Row>
      <Row label={k("columns.category")}>{k(`category.${ticket.category}`)}</Row>
      <Row label={k("ticket.first_response")}>
        {ticket.first_responded_at
          ? k("ticket.answered", { date: formatDateTime(ticket.first_responded_at, lang) })
          : k("ticket.due", { date: formatDateTime(ticket.first_response_due_at, lang) })}
      </Row>
      <Row label={k("ticket.resolution")}>
        {ticket.resolved_at
          ? k("ticket.resolved_on", { date: formatDate(ticket.resolved_at, lang), outcome: ticket.outcome ?? "" })
          : k("ticket.due", { date: formatDateTime(ticket.resolution_due_at, lang) })}
      </Row>
      {ticket.sla_breached_at && (
        <Row label={k("sla.breached")}>
          {k(`sla.breach.${ticket.sla_breach ?? "resolution"}`, {
            date: formatDateTime(ticket.sla_breached_at, lang),
          })}
        </Row>
      )}
    </Container>
  )
}
