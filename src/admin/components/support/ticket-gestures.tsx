import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { AdminGesture } from "../../../types/http/gestures"
import type { AdminSupportTicket } from "../../../types/http/support"
import { useApproveGesture, useGestures } from "../../hooks/api/gestures"
import { formatDate, formatMoney } from "../../lib/format"
import { describeGestureValue } from "../../lib/gesture-value"
import { gestureStatusColor } from "../../lib/support"

/**
 * The goodwill gestures given on this ticket: what, what it cost, the coupon code, and an
 * Approve button on one held above the approval threshold. The server refuses the admin who
 * asked for it; that message is shown on the gesture.
 */
export const TicketGestures = ({ ticket }: { ticket: AdminSupportTicket }) => {
  const { t } = useTranslation()
  const k = (key: string) => t(`aftersales.gestures.${key}`)
  const { data, isPending, isError } = useGestures({ ticket_id: ticket.id, limit: 50 })

  return (
    <Container className="divide-y p-0" data-testid="aftersales-ticket-gestures">
      <div className="px-6 py-4">
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
      {data && !data.gestures.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {k("empty")}
        </Text>
      )}
      {data?.gestures.map((g) => <GestureRow key={g.id} gesture={g} />)}
    </Container>
  )
}

const GestureRow = ({ gesture }: { gesture: AdminGesture }) => {
  const { t, i18n } = useTranslation()
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.gestures.${key}`, opts)
  const approve = useApproveGesture()
  const lang = i18n.language
  const what = describeGestureValue(
    gesture,
    {
      points: (count) => k("points_value", { count }),
      freeShipping: t("aftersales.common.gesture_kind.free_shipping"),
    },
    lang
  )

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="aftersales-gesture" data-status={gesture.status}>
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" weight="plus" leading="compact">
          {t(`aftersales.common.gesture_kind.${gesture.kind}`)}
          {gesture.kind !== "free_shipping" ? ` · ${what}` : ""}
        </Text>
        <Badge size="2xsmall" color={gestureStatusColor(gesture.status)}>
          {t(`aftersales.common.gesture_status.${gesture.status}`)}
        </Badge>
      </div>
      <div className="text-ui-fg-subtle flex flex-col gap-y-0.5">
        <Text size="xsmall">
          {k("cost")}: {gesture.kind === "points" && !gesture.amount ? "—" : formatMoney(gesture.amount, gesture.currency_code, lang)}
        </Text>
        {gesture.code && (
          <Text size="xsmall">
            {k("code")}: <span className="font-mono text-ui-fg-base" data-testid="aftersales-gesture-code">{gesture.code}</span>
          </Text>
        )}
        <Text size="xsmall">
          {gesture.redeemed_at
            ? k("redeemed_on", { date: formatDate(gesture.redeemed_at, lang) })
            : k("expires_on", { date: formatDate(gesture.expires_at, lang) })}
        </Text>
      </div>
      {gesture.status === "pending_approval" && (
        <div className="flex flex-col items-start gap-y-1">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {k("approval_hint")}
          </Text>
          <Button
            size="small"
            variant="secondary"
            isLoading={approve.isPending}
            data-testid="aftersales-gesture-approve"
            onClick={() =>
              approve.mutate(gesture.id, { onSuccess: () => toast.success(k("approved")) })
            }
          >
            {k("approve")}
          </Button>
          {approve.isError && (
            <Text size="xsmall" className="text-ui-fg-error" data-testid="aftersales-gesture-approve-error">
              {approve.error.message}
            </Text>
          )}
        </div>
      )}
    </div>
  )
}
