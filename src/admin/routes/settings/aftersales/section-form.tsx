import { Button, Container, Heading, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import type { AftersalesSettings } from "../../../../types/http/settings"
import { fieldErrors, useUpdateAftersalesSettings } from "../../../hooks/api/aftersales"
import { FieldSpec } from "./fields"

type Section = keyof AftersalesSettings

const toDraft = (value: unknown, spec: FieldSpec) =>
  spec.type === "json" ? JSON.stringify(value, null, 2) : value

/**
 * One section of the settings as a form. Saving sends only this section's fields; the server
 * answers the merged settings or a 400 naming each wrong field, shown beside that field.
 */
export const SectionForm = ({
  section,
  values,
  fields,
}: {
  section: Section
  values: Record<string, unknown>
  fields: FieldSpec[]
}) => {
  const { t } = useTranslation()
  const k = (key: string) => t(`aftersales.settings.${key}`)
  const [draft, setDraft] = useState<Record<string, unknown>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const update = useUpdateAftersalesSettings()

  useEffect(() => {
    setDraft(Object.fromEntries(fields.map((f) => [f.key, toDraft(values[f.key], f)])))
  }, [values, fields])

  const save = () => {
    const patch: Record<string, unknown> = {}
    const local: Record<string, string> = {}
    for (const f of fields) {
      const v = draft[f.key]
      if (f.type === "json") {
        try {
          patch[f.key] = JSON.parse(String(v))
        } catch {
          local[`${section}.${f.key}`] = k("invalid_json")
        }
      } else if (f.type === "number") {
        patch[f.key] = v === "" || v === null ? v : Number(v)
      } else {
        patch[f.key] = v
      }
    }
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    update.mutate({ [section]: patch } as never, {
      onSuccess: () => {
        setErrors({})
        toast.success(k("saved"))
      },
      onError: (e) => {
        const byField = fieldErrors(e.message)
        setErrors(byField)
        toast.error(Object.keys(byField).length ? k("fix_fields") : e.message)
      },
    })
  }

  const errorFor = (key: string) =>
    Object.entries(errors).find(([path]) => path === `${section}.${key}` || path.startsWith(`${section}.${key}.`))?.[1]

  return (
    <Container className="divide-y p-0" data-testid={`aftersales-settings-${section}`}>
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{k(`${section}.title`)}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {k(`${section}.description`)}
          </Text>
        </div>
        <Button size="small" onClick={save} isLoading={update.isPending} data-testid={`aftersales-settings-save-${section}`}>
          {k("save")}
        </Button>
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        {fields.map((f) => {
          const id = `${section}-${f.key}`
          const error = errorFor(f.key)
          return (
            <div key={f.key} className={f.type === "json" ? "flex flex-col gap-y-1 md:col-span-2" : "flex flex-col gap-y-1"}>
              <Label htmlFor={id} size="small" weight="plus">
                {k(`${section}.${f.key}`)}
              </Label>
              {f.type === "boolean" && (
                <Switch
                  id={id}
                  data-testid={`aftersales-field-${id}`}
                  checked={Boolean(draft[f.key])}
                  onCheckedChange={(checked) => setDraft((d) => ({ ...d, [f.key]: checked }))}
                />
              )}
              {f.type === "number" && (
                <Input
                  id={id}
                  data-testid={`aftersales-field-${id}`}
                  type="number"
                  step={f.step ?? 1}
                  min={f.min}
                  max={f.max}
                  value={String(draft[f.key] ?? "")}
                  aria-invalid={!!error}
                  onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))}
                />
              )}
              {f.type === "select" && (
                <Select value={String(draft[f.key] ?? "")} onValueChange={(v) => setDraft((d) => ({ ...d, [f.key]: v }))}>
                  <Select.Trigger id={id} data-testid={`aftersales-field-${id}`}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {f.options.map((o) => (
                      <Select.Item key={o} value={o}>
                        {k(`${section}.${f.key}_${o}`)}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              )}
              {f.type === "json" && (
                <Textarea
                  id={id}
                  data-testid={`aftersales-field-${id}`}
                  className="font-mono text-xs"
                  rows={Math.min(12, String(draft[f.key] ?? "").split("\n").length + 1)}
                  value={String(draft[f.key] ?? "")}
                  aria-invalid={!!error}
                  onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))}
                />
              )}
              {error && (
                <Text size="xsmall" className="text-ui-fg-error" data-testid={`aftersales-error-${id}`}>
                  {error}
                </Text>
              )}
            </div>
          )
        })}
      </div>
    </Container>
  )
}
