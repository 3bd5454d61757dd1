import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { AdjustPointsDrawer } from "../components/loyalty/adjust-points-drawer"
import { useCustomerLoyalty } from "../hooks/api/loyalty"
import { formatDate } from "../lib/format"

/** Ledger entries per page in the side panel. */
const PAGE = 10

/** Colour of a ledger entry's kind: credits green, debits orange or red. */
const TYPE_COLOR = {
  earn: "green",
  bonus: "green",
  refund: "blue",
  adjust: "grey",
  redeem: "orange",
  reverse: "orange",
  expire: "red",
} as const

/** One figure of the account with its label. */
const Figure = ({ label, value, testId, hint }: { label: string; value: string; testId: string; hint?: string }) => (
  <div className="flex flex-col" title={hint}>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus" data-testid={testId}>
      {value}
    </Text>
  </div>
)

/**
 * The customer's points on their page: available and pending points, tier, next expiry, the
 * ledger (newest first, paged) and a form to adjust the balance with a reason.
 */
const CustomerLoyaltyWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t, i18n } = useTranslation()
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.loyalty.${key}`, opts)
  const [offset, setOffset] = useState(0)
  const { data, isPending, isError } = useCustomerLoyalty(customer.id, { limit: PAGE, offset })
  const number = (n: number) => n.toLocaleString(i18n.language)

  return (
    <Container className="divide-y p-0" data-testid="aftersales-customer-loyalty">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{k("title")}</Heading>
        <AdjustPointsDrawer customerId={customer.id} />
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
      {data && (
        <>
          <div className="grid grid-cols-2 gap-4 px-6 py-4">
            <Figure label={k("balance")} value={number(data.loyalty.balance)} testId="aftersales-loyalty-balance" />
            <Figure
              label={k("pending")}
              hint={k("pending_hint")}
              value={number(data.loyalty.pending)}
              testId="aftersales-loyalty-pending"
            />
            <div className="flex flex-col gap-y-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                {k("tier")}
              </Text>
              <div className="flex items-center gap-x-2" data-testid="aftersales-loyalty-tier">
                {data.loyalty.tier ? (
                  <>
                    <Badge size="2xsmall" color="purple">
                      {data.loyalty.tier.name}
                    </Badge>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {k("multiplier", { multiplier: data.loyalty.tier.multiplier })}
                    </Text>
                  </>
                ) : (
                  <Text size="small">{k("no_tier")}</Text>
                )}
              </div>
              {data.loyalty.next_tier && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {k("next_tier", {
                    points: number(data.loyalty.next_tier.points_needed),
                    name: data.loyalty.next_tier.name,
                  })}
                </Text>
              )}
            </div>
            <div className="flex flex-col gap-y-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                {k("next_expiry")}
              </Text>
              <Text size="small" data-testid="aftersales-loyalty-next-expiry">
                {data.loyalty.next_expiry
                  ? k("next_expiry_value", {
                      points: number(data.loyalty.next_expiry.points),
                      date: formatDate(data.loyalty.next_expiry.expires_at, i18n.language),
                    })
                  : k("no_expiry")}
              </Text>
            </div>
          </div>
          <div className="flex flex-col gap-y-2 py-4">
            <Heading level="h3" className="px-6">
              {k("ledger")}
            </Heading>
            {!data.transactions.length ? (
              <Text size="small" className="text-ui-fg-subtle px-6">
                {k("empty")}
              </Text>
            ) : (
              <Table data-testid="aftersales-loyalty-ledger">
                <Table.Body>
                  {data.transactions.map((tx) => (
                    <Table.Row key={tx.id} data-testid="aftersales-loyalty-entry">
                      <Table.Cell className="pl-6">
                        <div className="flex flex-col py-1">
                          <div className="flex items-center gap-x-1">
                            <Badge size="2xsmall" color={TYPE_COLOR[tx.type]}>
                              {k(`type.${tx.type}`)}
                            </Badge>
                            {tx.status === "pending" && (
                              <Text size="xsmall" className="text-ui-fg-muted">
                                {k("status.pending")}
                              </Text>
                            )}
                          </div>
                          <Text size="xsmall" className="text-ui-fg-subtle truncate" title={tx.reason ?? ""}>
                            {formatDate(tx.created_at, i18n.language)}
                            {tx.reason ? ` · ${tx.reason}` : ""}
                          </Text>
                          {tx.order_id && (
                            <Link
                              to={`/orders/${tx.order_id}`}
                              className="txt-xsmall text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                            >
                              {k("order")}
                            </Link>
                          )}
                        </div>
                      </Table.Cell>
                      <Table.Cell className="pr-6 text-right">
                        <Text size="small" weight="plus" className={tx.points < 0 ? "text-ui-fg-error" : undefined}>
                          {tx.points > 0 ? `+${number(tx.points)}` : number(tx.points)}
                        </Text>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
            {data.count > PAGE && (
              <div className="flex items-center justify-between px-6">
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {k("page", {
                    from: offset + 1,
                    to: Math.min(offset + PAGE, data.count),
                    count: data.count,
                  })}
                </Text>
                <div className="flex gap-x-2">
                  <Button
                    size="small"
                    variant="transparent"
                    disabled={offset === 0}
                    onClick={() => setOffset(Math.max(0, offset - PAGE))}
                  >
                    {k("previous")}
                  </Button>
                  <Button
                    size="small"
                    variant="transparent"
                    disabled={offset + PAGE >= data.count}
                    onClick={() => setOffset(offset + PAGE)}
                  >
                    {k("next")}
                  </Button>
                </div>
              </div>
            )}
          </div>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side",
})

export default CustomerLoyaltyWidget
