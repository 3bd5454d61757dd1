import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { AdminSupportTicket } from "../../../types/http/support"
import { useSupportAgents } from "../../hooks/api/support"
import { formatDateTime } from "../../lib/format-time"
import { agentName } from "./agent-name"

/**
 * Each time the ticket was resolved: outcome, note, by whom, and the customer's 1–5 rating of
 * that resolution. Hidden until the first resolution.
 */
export const TicketResolutions = ({ ticket }: { ticket: AdminSupportTicket }) => {
  const { t, i18n } = useTranslation()
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.support.${key}`, opts)
  const agents = useSupportAgents()
  const resolutions = ticket.resolutions ?? []
  if (!resolutions.length) {
    return null
  }

  return (
    <Container className="divide-y p-0" data-testid="aftersales-ticket-resolutions">
      <div className="px-6 py-4">
        <Heading level="h2">{k("resolutions.title")}</Heading>
      </div>
      {resolutions.map((r) => (
        <div key={r.id} className="flex flex-col gap-y-1 px-6 py-4" data-testid="aftersales-resolution">
          <Text size="small" weight="plus" leading="compact">
            {r.outcome}
          </Text>
          {r.note && (
            <Text size="small" className="whitespace-pre-wrap">
              {r.note}
            </Text>
          )}
          <Text size="xsmall" className="text-ui-fg-subtle">
            {k("resolutions.by", {
              who: agentName(agents.data?.find((a) => a.id === r.resolved_by)) ?? k("conversation.agent"),
              date: formatDateTime(r.created_at, i18n.language),
            })}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {r.rating_score
              ? k("resolutions.rated", { score: r.rating_score, comment: r.rating_comment ?? "" })
              : k("resolutions.not_rated")}
          </Text>
        </div>
      ))}
    </Container>
  )
}
