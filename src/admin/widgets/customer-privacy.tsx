import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useEraseCustomerAftersales, useExportCustomerAftersales } from "../hooks/api/privacy"

/**
 * The customer's after-sales data on request (GDPR/KVKK): download it as JSON, or erase it
 * (texts erased, figures kept, points closed) after a confirmation.
 */
const CustomerPrivacyWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation()
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.privacy.${key}`, opts)
  const prompt = usePrompt()
  const exporter = useExportCustomerAftersales(customer.id)
  const eraser = useEraseCustomerAftersales(customer.id)

  const erase = async () => {
    const confirmed = await prompt({
      title: k("erase.title"),
      description: k("erase.description", { email: customer.email }),
      confirmText: k("erase.confirm"),
      cancelText: k("erase.cancel"),
    })
    if (!confirmed) {
      return
    }
    eraser.mutate(undefined, {
      onSuccess: ({ erasure }) =>
        toast.success(k("erase.done", { tickets: erasure.tickets_erased, points: erasure.points_closed })),
      onError: (e) => toast.error(e.message),
    })
  }

  return (
    <Container className="divide-y p-0" data-testid="aftersales-customer-privacy">
      <div className="px-6 py-4">
        <Heading level="h2">{k("title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {k("hint")}
        </Text>
      </div>
      <div className="flex items-center gap-x-2 px-6 py-4">
        <Button
          size="small"
          variant="secondary"
          isLoading={exporter.isPending}
          onClick={() => exporter.mutate(undefined, { onError: (e) => toast.error(e.message) })}
          data-testid="aftersales-privacy-export"
        >
          {k("export")}
        </Button>
        <Button
          size="small"
          variant="danger"
          isLoading={eraser.isPending}
          onClick={erase}
          data-testid="aftersales-privacy-erase"
        >
          {k("erase.button")}
        </Button>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side",
})

export default CustomerPrivacyWidget
