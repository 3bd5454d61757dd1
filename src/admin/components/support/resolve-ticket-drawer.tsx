import {
  Alert,
  Button,
  Drawer,
  Input,
  Label,
  RadioGroup,
  Select,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { AdminSupportTicket } from "../../../types/http/support"
import type { GestureChoice, GestureKind } from "../../../types/gestures"
import { useAftersalesSettings } from "../../hooks/api/aftersales"
import { useResolveSupportTicket } from "../../hooks/api/support"
import { describeGestureValue } from "../../lib/gesture-value"
import { GESTURE_KINDS } from "../../lib/support"

type Mode = "policy" | "none" | "custom"

/** Kinds whose value is money, so a currency can be named. */
const MONEY_KINDS: GestureKind[] = ["fixed", "store_credit"]
/** A free-shipping coupon takes the whole shipping off; its value is that 100 %. */
const FREE_SHIPPING_VALUE = 100

/**
 * Resolves a ticket: an outcome, an optional note and the gesture — the category's policy,
 * none, or the agent's own choice (still held to the policy's caps and budget on the server).
 * When the server refuses (a cap, the budget, no policy, no store credit) nothing is resolved
 * and its message is shown here as is, with the form kept, so the agent can choose again.
 */
export const ResolveTicketDrawer = ({ ticket }: { ticket: AdminSupportTicket }) => {
  const { t, i18n } = useTranslation()
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.support.${key}`, opts)
  const [open, setOpen] = useState(false)
  const [outcome, setOutcome] = useState("")
  const [note, setNote] = useState("")
  const [mode, setMode] = useState<Mode>("policy")
  const [kind, setKind] = useState<GestureKind>("percentage")
  const [value, setValue] = useState("")
  const [currency, setCurrency] = useState("")
  const resolve = useResolveSupportTicket(ticket.id)
  const settings = useAftersalesSettings()
  const policy = settings.data?.gestures.policies.find((p) => p.category === ticket.category)

  const words = {
    points: (count: number) => t("aftersales.gestures.points_value", { count }),
    freeShipping: t("aftersales.common.gesture_kind.free_shipping"),
  }
  const amount = kind === "free_shipping" ? FREE_SHIPPING_VALUE : Number(value)
  const customValid = Number.isFinite(amount) && amount > 0 && (!currency || /^[a-z]{3}$/.test(currency))
  const canSubmit = !!outcome.trim() && (mode !== "custom" || customValid) && !resolve.isPending

  const reset = () => {
    setOutcome("")
    setNote("")
    setMode("policy")
    setValue("")
    setCurrency("")
    resolve.reset()
  }

  const submit = () => {
    const gesture: GestureChoice =
      mode === "custom"
        ? {
            kind,
            value: amount,
            ...(MONEY_KINDS.includes(kind) && currency ? { currency_code: currency } : {}),
          }
        : mode
    resolve.mutate(
      { outcome: outcome.trim(), ...(note.trim() ? { note: note.trim() } : {}), gesture },
      {
        onSuccess: (data) => {
          toast.success(data.gesture_id ? k("resolve.done_with_gesture") : k("resolve.done"))
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
        <Button size="small" variant="secondary" data-testid="aftersales-resolve-open">
          {k("resolve.open")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content data-testid="aftersales-resolve-drawer">
        <Drawer.Header>
          <Drawer.Title>{k("resolve.title", { number: ticket.number })}</Drawer.Title>
        </Drawer.Header>
        <form
          id="aftersales-resolve-form"
          className="flex flex-1 flex-col overflow-y-auto"
          onSubmit={(e) => {
            e.preventDefault()
            if (canSubmit) submit()
          }}
        >
          <Drawer.Body className="flex flex-col gap-y-6">
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="aftersales-resolve-outcome" size="small" weight="plus">
                {k("resolve.outcome")}
              </Label>
              <Input
                id="aftersales-resolve-outcome"
                data-testid="aftersales-resolve-outcome"
                placeholder={k("resolve.outcome_placeholder")}
                value={outcome}
                maxLength={200}
                onChange={(e) => setOutcome(e.target.value)}
              />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="aftersales-resolve-note" size="small" weight="plus">
                {k("resolve.note")}
              </Label>
              <Textarea
                id="aftersales-resolve-note"
                data-testid="aftersales-resolve-note"
                placeholder={k("resolve.note_placeholder")}
                value={note}
                maxLength={5000}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus">
                {k("resolve.gesture")}
              </Label>
              <RadioGroup value={mode} onValueChange={(v) => setMode(v as Mode)} className="flex flex-col gap-y-2">
                <RadioGroup.ChoiceBox
                  value="policy"
                  data-testid="aftersales-resolve-gesture-policy"
                  label={k("resolve.policy")}
                  description={
                    policy
                      ? policy.kind === "free_shipping"
                        ? words.freeShipping
                        : k("resolve.policy_is", {
                            kind: t(`aftersales.common.gesture_kind.${policy.kind}`),
                            value: describeGestureValue(policy, words, i18n.language),
                          })
                      : k("resolve.no_policy")
                  }
                />
                <RadioGroup.ChoiceBox
                  value="none"
                  data-testid="aftersales-resolve-gesture-none"
                  label={k("resolve.none")}
                  description={k("resolve.none_hint")}
                />
                <RadioGroup.ChoiceBox
                  value="custom"
                  data-testid="aftersales-resolve-gesture-custom"
                  label={k("resolve.custom")}
                  description={k("resolve.custom_hint")}
                />
              </RadioGroup>
            </div>
            {mode === "custom" && (
              <div className="grid grid-cols-2 gap-4" data-testid="aftersales-resolve-custom">
                <div className="col-span-2 flex flex-col gap-y-1">
                  <Label htmlFor="aftersales-resolve-kind" size="small" weight="plus">
                    {k("resolve.kind")}
                  </Label>
                  <Select value={kind} onValueChange={(v) => setKind(v as GestureKind)}>
                    <Select.Trigger id="aftersales-resolve-kind" data-testid="aftersales-resolve-kind">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      {GESTURE_KINDS.map((g) => (
                        <Select.Item key={g} value={g} data-testid={`aftersales-resolve-kind-${g}`}>
                          {t(`aftersales.common.gesture_kind.${g}`)}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select>
                </div>
                {kind !== "free_shipping" && (
                  <div className="flex flex-col gap-y-1">
                    <Label htmlFor="aftersales-resolve-value" size="small" weight="plus">
                      {k(`resolve.value_${kind}`)}
                    </Label>
                    <Input
                      id="aftersales-resolve-value"
                      data-testid="aftersales-resolve-value"
                      type="number"
                      min={0}
                      step={kind === "points" ? 1 : 0.01}
                      value={value}
                      onChange={(e) => setValue(e.target.value)}
                    />
                  </div>
                )}
                {MONEY_KINDS.includes(kind) && (
                  <div className="flex flex-col gap-y-1">
                    <Label htmlFor="aftersales-resolve-currency" size="small" weight="plus">
                      {k("resolve.currency")}
                    </Label>
                    <Input
                      id="aftersales-resolve-currency"
                      data-testid="aftersales-resolve-currency"
                      placeholder={k("resolve.currency_placeholder")}
                      maxLength={3}
                      value={currency}
                      onChange={(e) => setCurrency(e.target.value.trim().toLowerCase())}
                    />
                  </div>
                )}
              </div>
            )}
            {resolve.isError && (
              <Alert variant="error" data-testid="aftersales-resolve-error">
                <Text size="small" weight="plus">
                  {k("resolve.refused")}
                </Text>
                <Text size="small">{resolve.error.message}</Text>
              </Alert>
            )}
          </Drawer.Body>
        </form>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {k("resolve.cancel")}
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            type="submit"
            form="aftersales-resolve-form"
            disabled={!canSubmit}
            isLoading={resolve.isPending}
            data-testid="aftersales-resolve-submit"
          >
            {k("resolve.submit")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
