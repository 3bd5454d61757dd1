import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { AftersalesSettings } from "../../../../types/http/settings"
import { useAftersalesSettings } from "../../../hooks/api/aftersales"
import { SETTINGS_FIELDS } from "./fields"
import { SectionForm } from "./section-form"

/** Settings → After-sales: loyalty, gestures, support SLAs, returns and delays. */
const AftersalesSettingsPage = () => {
  const { t } = useTranslation()
  const { data, isPending, isError } = useAftersalesSettings()

  return (
    <div className="flex flex-col gap-y-3" data-testid="aftersales-settings">
      <Container>
        <Heading level="h1">{t("aftersales.settings.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("aftersales.settings.description")}
        </Text>
        {isPending && <Text size="small">{t("aftersales.common.loading")}</Text>}
        {isError && (
          <Text size="small" className="text-ui-fg-error">
            {t("aftersales.common.error")}
          </Text>
        )}
      </Container>
      {data &&
        (Object.keys(SETTINGS_FIELDS) as (keyof AftersalesSettings)[]).map((section) => (
          <SectionForm
            key={section}
            section={section}
            values={data[section] as unknown as Record<string, unknown>}
            fields={SETTINGS_FIELDS[section]}
          />
        ))}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "aftersales.settings.menu",
  translationNs: "translation",
})

export default AftersalesSettingsPage
