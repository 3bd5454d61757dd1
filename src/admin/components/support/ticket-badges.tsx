import { Badge, StatusBadge, Tooltip } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { AdminSupportTicket } from "../../../types/http/support"
import { formatDateTime } from "../../lib/format-time"
import { priorityColor, slaState, ticketStatusColor } from "../../lib/support"

/** The ticket's status, in the colours the order widget uses. */
export const TicketStatusBadge = ({ status }: { status: AdminSupportTicket["status"] }) => {
  const { t } = useTranslation()
  return (
    <StatusBadge color={ticketStatusColor(status)}>
      {t(`aftersales.common.ticket_status.${status}`)}
    </StatusBadge>
  )
}

export const PriorityBadge = ({ priority }: { priority: AdminSupportTicket["priority"] }) => {
  const { t } = useTranslation()
  return (
    <Badge size="2xsmall" color={priorityColor(priority)}>
      {t(`aftersales.support.priority.${priority}`)}
    </Badge>
  )
}

/**
 * "SLA breached" (red) or "Due soon" (orange), with the due time on hover; nothing when the
 * ticket is on track or its clock has stopped, so the inbox only draws the eye where needed.
 */
export const SlaBadge = ({ ticket, showOnTrack }: { ticket: AdminSupportTicket; showOnTrack?: boolean }) => {
  const { t, i18n } = useTranslation()
  const sla = slaState(ticket)
  if (sla.state === "none" || (sla.state === "on_track" && !showOnTrack)) {
    return null
  }
  const color = sla.state === "breached" ? "red" : sla.state === "due_soon" ? "orange" : "grey"
  const badge = (
    <Badge size="2xsmall" color={color} data-testid={`aftersales-sla-${sla.state}`}>
      {t(`aftersales.support.sla.${sla.state}`)}
    </Badge>
  )
  if (!sla.due) {
    return badge
  }
  return (
    <Tooltip content={t("aftersales.support.sla.due", { date: formatDateTime(sla.due, i18n.language) })}>
      {badge}
    </Tooltip>
  )
}
