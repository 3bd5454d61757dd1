import { Badge, clx, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { AdminSupportMessage, AdminSupportTicket } from "../../../types/http/support"
import { useSupportAgents } from "../../hooks/api/support"
import { formatDateTime } from "../../lib/format-time"
import { customerName } from "../../lib/support"
import { agentName } from "./agent-name"
import { ReplyBox } from "./reply-box"

/**
 * The ticket's messages in time order, then the reply box. Customer messages sit left, the
 * store's right; an internal note is tinted and labelled, because the customer never sees it
 * and an agent must not mistake it for something that was sent.
 */
export const TicketConversation = ({ ticket }: { ticket: AdminSupportTicket }) => {
  const { t } = useTranslation()
  const k = (key: string) => t(`aftersales.support.${key}`)
  const messages = ticket.messages ?? []

  return (
    <Container className="divide-y p-0" data-testid="aftersales-conversation">
      <div className="px-6 py-4">
        <Heading level="h2">{k("conversation.title")}</Heading>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        {messages.length ? (
          messages.map((m) => <Message key={m.id} message={m} ticket={ticket} />)
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            {k("conversation.empty")}
          </Text>
        )}
      </div>
      <ReplyBox ticket={ticket} />
    </Container>
  )
}

const Message = ({ message, ticket }: { message: AdminSupportMessage; ticket: AdminSupportTicket }) => {
  const { t, i18n } = useTranslation()
  const k = (key: string) => t(`aftersales.support.${key}`)
  const agents = useSupportAgents()

  if (message.author_type === "system") {
    return (
      <div className="flex flex-col items-center gap-y-0.5 py-1" data-testid="aftersales-message" data-author="system">
        <Text size="xsmall" className="text-ui-fg-subtle whitespace-pre-wrap text-center">
          {message.body}
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted">
          {formatDateTime(message.created_at, i18n.language)}
        </Text>
      </div>
    )
  }

  const fromCustomer = message.author_type === "customer"
  const author = fromCustomer
    ? customerName(ticket.customer)
    : agentName(agents.data?.find((a) => a.id === message.author_id)) ?? k("conversation.agent")

  return (
    <div
      className={clx("flex w-full", fromCustomer ? "justify-start" : "justify-end")}
      data-testid="aftersales-message"
      data-author={message.author_type}
      data-internal={message.internal ? "true" : "false"}
    >
      <div
        className={clx(
          "flex max-w-[85%] flex-col gap-y-1 rounded-lg border px-4 py-3",
          fromCustomer && "bg-ui-bg-base",
          !fromCustomer && !message.internal && "bg-ui-bg-component",
          message.internal && "border-dashed border-ui-tag-orange-border bg-ui-tag-orange-bg"
        )}
      >
        <div className="flex items-center gap-x-2">
          <Text size="small" weight="plus" leading="compact">
            {author}
          </Text>
          {message.internal && (
            <Badge size="2xsmall" color="orange">
              {k("conversation.internal")}
            </Badge>
          )}
          <Text size="xsmall" className="text-ui-fg-muted">
            {formatDateTime(message.created_at, i18n.language)}
          </Text>
        </div>
        <Text size="small" className="whitespace-pre-wrap break-words">
          {message.body}
        </Text>
      </div>
    </div>
  )
}
