import { Button, Label, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { AdminSupportTicket } from "../../../types/http/support"
import { useReplyToSupportTicket } from "../../hooks/api/support"

/** The longest message the server accepts (`AdminCreateSupportTicketMessage`). */
const MAX_LENGTH = 5000

/**
 * A reply to the customer, or with the toggle on an internal note only agents see. The text
 * stays in the box when sending fails, so nothing typed is lost.
 */
export const ReplyBox = ({ ticket }: { ticket: AdminSupportTicket }) => {
  const { t } = useTranslation()
  const k = (key: string) => t(`aftersales.support.${key}`)
  const [body, setBody] = useState("")
  const [internal, setInternal] = useState(false)
  const reply = useReplyToSupportTicket(ticket.id)
  const text = body.trim()

  const send = () => {
    if (!text) return
    reply.mutate(
      { body: text, internal },
      {
        onSuccess: () => {
          setBody("")
          toast.success(internal ? k("reply.note_saved") : k("reply.sent"))
        },
      }
    )
  }

  return (
    <form
      className="flex flex-col gap-y-3 px-6 py-4"
      onSubmit={(e) => {
        e.preventDefault()
        send()
      }}
    >
      <Textarea
        data-testid="aftersales-reply"
        aria-label={internal ? k("reply.note_placeholder") : k("reply.placeholder")}
        placeholder={internal ? k("reply.note_placeholder") : k("reply.placeholder")}
        value={body}
        maxLength={MAX_LENGTH}
        rows={4}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          // Cmd/Ctrl+Enter sends, as in core's comment boxes.
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault()
            send()
          }
        }}
      />
      {reply.isError && (
        <Text size="small" className="text-ui-fg-error" data-testid="aftersales-reply-error">
          {reply.error.message}
        </Text>
      )}
      <div className="flex items-center justify-between gap-x-4">
        <div className="flex items-center gap-x-2">
          <Switch
            id="aftersales-reply-internal"
            data-testid="aftersales-reply-internal"
            checked={internal}
            onCheckedChange={setInternal}
          />
          <Label htmlFor="aftersales-reply-internal" size="small">
            {k("reply.internal")}
          </Label>
        </div>
        <Button
          type="submit"
          size="small"
          variant={internal ? "secondary" : "primary"}
          disabled={!text}
          isLoading={reply.isPending}
          data-testid="aftersales-reply-send"
        >
          {internal ? k("reply.add_note") : k("reply.send")}
        </Button>
      </div>
    </form>
  )
}
