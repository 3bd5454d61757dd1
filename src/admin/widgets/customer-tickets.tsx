import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { SlaBadge, TicketStatusBadge } from "../components/support/ticket-badges"
import { useSupportTickets } from "../hooks/api/support"
import { formatDate } from "../lib/format"

/** How many of the customer's latest tickets the side panel lists before linking to the inbox. */
const SHOWN = 5

/** The customer's support tickets, newest first, on the customer page. */
const CustomerTicketsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t, i18n } = useTranslation()
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.support.${key}`, opts)
  const { data, isPending, isError } = useSupportTickets({ customer_id: customer.id, limit: SHOWN })

  return (
    <Container className="divide-y p-0" data-testid="aftersales-customer-tickets">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{k("customer.title")}</Heading>
        {!!data?.count && (
          <Text size="small" className="text-ui-fg-subtle">
            {data.count}
          </Text>
        )}
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
      {data && !data.tickets.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {k("customer.empty")}
        </Text>
      )}
      {data?.tickets.map((ticket) => (
        <div key={ticket.id} className="flex flex-col gap-y-1 px-6 py-3" data-testid="aftersales-customer-ticket">
          <div className="flex items-center justify-between gap-x-2">
            <Link
              to={`/support/${ticket.id}`}
              className="txt-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover truncate"
            >
              {ticket.number} {ticket.subject}
            </Link>
            <TicketStatusBadge status={ticket.status} />
          </div>
          <div className="flex items-center justify-between gap-x-2">
            <Text size="xsmall" className="text-ui-fg-subtle">
              {k(`category.${ticket.category}`)} · {formatDate(ticket.created_at, i18n.language)}
            </Text>
            <SlaBadge ticket={ticket} />
          </div>
        </div>
      ))}
      {data && data.count > SHOWN && (
        <div className="px-6 py-3">
          <Link
            to={`/support?customer_id=${encodeURIComponent(customer.id)}`}
            className="txt-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
          >
            {k("customer.all", { count: data.count })}
          </Link>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side",
})

export default CustomerTicketsWidget
