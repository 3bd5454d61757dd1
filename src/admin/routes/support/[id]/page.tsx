import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router-dom"
import { TicketControls } from "../../../components/support/ticket-controls"
import { TicketConversation } from "../../../components/support/ticket-conversation"
import { TicketGestures } from "../../../components/support/ticket-gestures"
import { TicketResolutions } from "../../../components/support/ticket-resolutions"
import { TicketSummary } from "../../../components/support/ticket-summary"
import { useSupportTicket } from "../../../hooks/api/support"

/**
 * One support ticket, laid out as core's detail pages: the case and the conversation in the
 * main column; status, priority, assignee and the gestures given on it at the side.
 */
const SupportTicketPage = () => {
  const { id = "" } = useParams()
  const { t } = useTranslation()
  const { data: ticket, isPending, isError, error } = useSupportTicket(id)

  if (isPending || isError || !ticket) {
    const notFound = isError && (error as { status?: number } | null)?.status === 404
    return (
      <Container className="flex flex-col gap-y-2" data-testid="aftersales-support-ticket">
        <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
          {isPending
            ? t("aftersales.common.loading")
            : notFound
              ? t("aftersales.support.ticket.not_found", { id })
              : t("aftersales.common.error")}
        </Text>
        {isError && (
          <Link to="/support" className="txt-small text-ui-fg-interactive">
            {t("aftersales.support.ticket.back")}
          </Link>
        )}
      </Container>
    )
  }

  return (
    <div className="flex w-full flex-col gap-y-3" data-testid="aftersales-support-ticket">
      <div className="flex w-full flex-col items-start gap-x-4 gap-y-3 xl:flex-row">
        <div className="flex w-full min-w-0 flex-col gap-y-3">
          <TicketSummary ticket={ticket} />
          <TicketConversation ticket={ticket} />
          <TicketResolutions ticket={ticket} />
        </div>
        <div className="flex w-full flex-col gap-y-3 xl:max-w-[400px]">
          <TicketControls ticket={ticket} />
          <TicketGestures ticket={ticket} />
        </div>
      </div>
    </div>
  )
}

export default SupportTicketPage
