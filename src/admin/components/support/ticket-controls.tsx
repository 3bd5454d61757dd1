import { Container, Heading, Label, Select, Text, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { AdminSupportTicket } from "../../../types/http/support"
import {
  UpdateSupportTicketBody,
  useSupportAgents,
  useUpdateSupportTicket,
} from "../../hooks/api/support"
import { SETTABLE_STATUSES, TICKET_PRIORITIES } from "../../lib/support"
import { agentName } from "./agent-name"

// Radix's Select cannot hold an empty value, so "nobody" has a name of its own.
const UNASSIGNED = "__unassigned"

/**
 * Status, priority and assignee of a ticket, each saved on change. A resolved ticket keeps
 * "Resolved" until it is reopened or closed: it is not one of the choices, only shown.
 */
export const TicketControls = ({ ticket }: { ticket: AdminSupportTicket }) => {
  const { t } = useTranslation()
  const k = (key: string) => t(`aftersales.support.${key}`)
  const update = useUpdateSupportTicket(ticket.id)
  const agents = useSupportAgents()

  const save = (body: UpdateSupportTicketBody) =>
    update.mutate(body, {
      onSuccess: () => toast.success(k("controls.saved")),
      onError: (e) => toast.error(e.message),
    })

  return (
    <Container className="divide-y p-0" data-testid="aftersales-ticket-controls">
      <div className="px-6 py-4">
        <Heading level="h2">{k("controls.title")}</Heading>
      </div>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Label size="small" weight="plus" htmlFor="aftersales-ticket-status">
            {k("columns.status")}
          </Label>
          <Select
            value={ticket.status}
            onValueChange={(status) => save({ status: status as UpdateSupportTicketBody["status"] })}
            disabled={update.isPending}
          >
            <Select.Trigger id="aftersales-ticket-status" data-testid="aftersales-ticket-status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {ticket.status === "resolved" && (
                <Select.Item value="resolved" disabled>
                  {t("aftersales.common.ticket_status.resolved")}
                </Select.Item>
              )}
              {SETTABLE_STATUSES.map((s) => (
                <Select.Item key={s} value={s}>
                  {t(`aftersales.common.ticket_status.${s}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" weight="plus" htmlFor="aftersales-ticket-priority">
            {k("columns.priority")}
          </Label>
          <Select
            value={ticket.priority}
            onValueChange={(priority) => save({ priority: priority as UpdateSupportTicketBody["priority"] })}
            disabled={update.isPending}
          >
            <Select.Trigger id="aftersales-ticket-priority" data-testid="aftersales-ticket-priority">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {TICKET_PRIORITIES.map((p) => (
                <Select.Item key={p} value={p}>
                  {k(`priority.${p}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {k("controls.priority_hint")}
          </Text>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" weight="plus" htmlFor="aftersales-ticket-assignee">
            {k("controls.assignee")}
          </Label>
          <Select
            value={ticket.assignee_id ?? UNASSIGNED}
            onValueChange={(id) => save({ assignee_id: id === UNASSIGNED ? null : id })}
            disabled={update.isPending || agents.isPending}
          >
            <Select.Trigger id="aftersales-ticket-assignee" data-testid="aftersales-ticket-assignee">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={UNASSIGNED}>{k("controls.unassigned")}</Select.Item>
              {ticket.assignee_id && !agents.data?.some((a) => a.id === ticket.assignee_id) && (
                // An assignee who is no longer an admin user still shows who had the ticket.
                <Select.Item value={ticket.assignee_id}>{ticket.assignee_id}</Select.Item>
              )}
              {agents.data?.map((a) => (
                <Select.Item key={a.id} value={a.id}>
                  {agentName(a)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
    </Container>
  )
}
