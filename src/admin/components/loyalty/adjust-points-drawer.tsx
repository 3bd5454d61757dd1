import { Button, Drawer, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useAdjustCustomerPoints } from "../../hooks/api/loyalty"

/** A whole, non-zero number within what the route accepts. */
function parsePoints(value: string): number | null {
  const n = Number(value.trim())
  return value.trim() && Number.isInteger(n) && n !== 0 && Math.abs(n) <= 10_000_000 ? n : null
}

/**
 * The adjust form of the customer's points: signed whole points and a reason. One
 * idempotency key per opened form, so a double submit adjusts once.
 */
export const AdjustPointsDrawer = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation()
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.loyalty.adjust.${key}`, opts)
  const [open, setOpen] = useState(false)
  const [points, setPoints] = useState("")
  const [reason, setReason] = useState("")
  const [key, setKey] = useState(() => crypto.randomUUID())
  const adjust = useAdjustCustomerPoints(customerId)
  const parsed = parsePoints(points)
  const canSubmit = parsed !== null && reason.trim().length >= 3 && !adjust.isPending

  const reset = () => {
    setPoints("")
    setReason("")
    setKey(crypto.randomUUID())
    adjust.reset()
  }

  const submit = () => {
    if (parsed === null) return
    adjust.mutate(
      { body: { points: parsed, reason: reason.trim() }, key },
      {
        onSuccess: (data) => {
          toast.success(k("done", { points: data.transaction.points, balance: data.loyalty.balance }))
          setOpen(false)
          reset()
        },
      }
    )
  }

  return (
    <Drawer
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) reset()
      }}
    >
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="aftersales-loyalty-adjust-open">
          {k("open")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content data-testid="aftersales-loyalty-adjust-drawer">
        <Drawer.Header>
          <Drawer.Title>{k("title")}</Drawer.Title>
        </Drawer.Header>
        <form
          id="aftersales-loyalty-adjust-form"
          className="flex flex-1 flex-col overflow-y-auto"
          onSubmit={(e) => {
            e.preventDefault()
            if (canSubmit) submit()
          }}
        >
          <Drawer.Body className="flex flex-col gap-y-6">
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="aftersales-loyalty-adjust-points" size="small" weight="plus">
                {k("points")}
              </Label>
              <Input
                id="aftersales-loyalty-adjust-points"
                data-testid="aftersales-loyalty-adjust-points"
                type="number"
                step={1}
                value={points}
                onChange={(e) => setPoints(e.target.value)}
              />
              <Text size="xsmall" className="text-ui-fg-subtle">
                {k("points_hint")}
              </Text>
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="aftersales-loyalty-adjust-reason" size="small" weight="plus">
                {k("reason")}
              </Label>
              <Input
                id="aftersales-loyalty-adjust-reason"
                data-testid="aftersales-loyalty-adjust-reason"
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
              />
              <Text size="xsmall" className="text-ui-fg-subtle">
                {k("reason_hint")}
              </Text>
            </div>
            {(adjust.error || (points && parsed === null)) && (
              <Text size="small" className="text-ui-fg-error" data-testid="aftersales-loyalty-adjust-error">
                {adjust.error?.message ?? k("invalid")}
              </Text>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {k("cancel")}
              </Button>
            </Drawer.Close>
            <Button
              size="small"
              type="submit"
              disabled={!canSubmit}
              isLoading={adjust.isPending}
              data-testid="aftersales-loyalty-adjust-submit"
            >
              {k("submit")}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
