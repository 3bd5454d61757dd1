import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import {
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  DataTableFilteringState,
  DataTablePaginationState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { PriorityBadge, SlaBadge, TicketStatusBadge } from "../../components/support/ticket-badges"
import { SupportTicketListQuery, useSupportTickets } from "../../hooks/api/support"
import { formatDate } from "../../lib/format"
import {
  customerName,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUSES,
} from "../../lib/support"
import type { AdminSupportTicket } from "../../../types/http/support"

const PAGE_SIZE = 20
/** The query parameters the inbox keeps in the URL, so a filtered view can be linked to. */
const FILTER_KEYS = ["status", "category", "priority", "source", "breached"] as const

/** The chosen filter values in the URL. */
const fromUrl = (params: URLSearchParams): DataTableFilteringState =>
  Object.fromEntries(FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])))

const columnHelper = createDataTableColumnHelper<AdminSupportTicket>()
const filterHelper = createDataTableFilterHelper<AdminSupportTicket>()

/** The support inbox: every ticket, newest first, with filters, search and SLA badges. */
const SupportInboxPage = () => {
  const { t, i18n } = useTranslation()
  const k = (key: string, opts?: Record<string, unknown>) => t(`aftersales.support.${key}`, opts)
  const navigate = useNavigate()
  const [searchParams, setSearchParams] = useSearchParams()

  // The filter bar's state: a filter just added from the menu has no value yet (null) and
  // must stay on screen until one is picked, so this is React state; only chosen values go
  // to the URL (a filtered view can be linked to) and to the query.
  const [filtering, setFiltering] = useState<DataTableFilteringState>(() => fromUrl(searchParams))
  const urlFilters = FILTER_KEYS.map((key) => searchParams.get(key) ?? "").join("|")
  useEffect(() => {
    // A link to another filtered view while this page is open (e.g. from the overview).
    setFiltering((current) => {
      const pending = Object.fromEntries(Object.entries(current).filter(([, v]) => v == null))
      return { ...pending, ...fromUrl(searchParams) }
    })
  }, [urlFilters])
  const chosen = Object.fromEntries(
    Object.entries(filtering).filter(([, value]) => typeof value === "string" && value)
  ) as Partial<SupportTicketListQuery>
  const search = searchParams.get("q") ?? ""
  // Set by links from a customer or an order (not in the filter menu): one customer's tickets.
  const customerId = searchParams.get("customer_id") ?? undefined
  const orderId = searchParams.get("order_id") ?? undefined
  const pageIndex = Math.max(0, Number(searchParams.get("page") ?? 0) || 0)

  // The table may report a page reset and a filter change in one event: each write starts
  // from the latest URL, and any change of filter or search starts again at the first page.
  const update = (patch: Record<string, string | undefined>, keepPage = false) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous)
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value)
          else next.delete(key)
        }
        if (!keepPage) next.delete("page")
        return next
      },
      { replace: true }
    )

  const query: SupportTicketListQuery = {
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
    ...(search ? { q: search } : {}),
    ...(customerId ? { customer_id: customerId } : {}),
    ...(orderId ? { order_id: orderId } : {}),
    ...chosen,
  }
  const { data, isPending, isError } = useSupportTickets(query)

  const columns = useMemo(
    () => [
      columnHelper.accessor("number", {
        header: k("columns.number"),
        cell: ({ row }) => (
          <Link
            to={`/support/${row.original.id}`}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
            onClick={(e) => e.stopPropagation()}
          >
            {row.original.number}
          </Link>
        ),
      }),
      columnHelper.accessor("subject", {
        header: k("columns.subject"),
        cell: ({ getValue }) => <span className="block max-w-[280px] truncate">{getValue()}</span>,
      }),
      columnHelper.accessor("customer", {
        header: k("columns.customer"),
        cell: ({ row }) => customerName(row.original.customer),
      }),
      columnHelper.accessor("category", {
        header: k("columns.category"),
        cell: ({ getValue }) => k(`category.${getValue()}`),
      }),
      columnHelper.accessor("status", {
        header: k("columns.status"),
        cell: ({ getValue }) => <TicketStatusBadge status={getValue()} />,
      }),
      columnHelper.accessor("priority", {
        header: k("columns.priority"),
        cell: ({ getValue }) => <PriorityBadge priority={getValue()} />,
      }),
      columnHelper.display({
        id: "sla",
        header: k("columns.sla"),
        cell: ({ row }) => <SlaBadge ticket={row.original} />,
      }),
      columnHelper.accessor("created_at", {
        header: k("columns.created"),
        cell: ({ getValue }) => formatDate(getValue(), i18n.language),
      }),
    ],
    // `t` changes with the admin's language, and the labels with it.
    [t, i18n.language]
  )

  const filters = useMemo(
    () => [
      filterHelper.accessor("status", {
        type: "radio",
        label: k("columns.status"),
        options: TICKET_STATUSES.map((s) => ({ label: t(`aftersales.common.ticket_status.${s}`), value: s })),
      }),
      filterHelper.accessor("category", {
        type: "radio",
        label: k("columns.category"),
        options: TICKET_CATEGORIES.map((c) => ({ label: k(`category.${c}`), value: c })),
      }),
      filterHelper.accessor("priority", {
        type: "radio",
        label: k("columns.priority"),
        options: TICKET_PRIORITIES.map((p) => ({ label: k(`priority.${p}`), value: p })),
      }),
      filterHelper.accessor("source", {
        type: "radio",
        label: k("columns.source"),
        options: TICKET_SOURCES.map((s) => ({ label: k(`source.${s}`), value: s })),
      }),
      filterHelper.custom({
        id: "breached",
        type: "radio",
        label: k("columns.sla"),
        options: [
          { label: k("filters.breached"), value: "true" },
          { label: k("filters.not_breached"), value: "false" },
        ],
      }),
    ],
    [t]
  )

  const table = useDataTable({
    columns,
    data: data?.tickets ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading: isPending,
    filters,
    filtering: {
      state: filtering,
      onFilteringChange: (state) => {
        setFiltering(state)
        update(
          Object.fromEntries(
            FILTER_KEYS.map((key) => [key, typeof state[key] === "string" ? (state[key] as string) : undefined])
          )
        )
      },
    },
    search: { state: search, onSearchChange: (q) => update({ q }) },
    pagination: {
      state: { pageIndex, pageSize: PAGE_SIZE },
      onPaginationChange: (state: DataTablePaginationState) =>
        update({ page: state.pageIndex ? String(state.pageIndex) : undefined }, true),
    },
    onRowClick: (_event, row) => navigate(`/support/${row.id}`),
  })

  return (
    <Container className="divide-y p-0" data-testid="aftersales-support-inbox">
      <DataTable instance={table}>
        <DataTable.Toolbar
          className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
          translations={{ clearAll: k("filters.clear") }}
        >
          <div>
            <Heading level="h1">{k("title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {k("subtitle")}
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <div data-testid="aftersales-support-filter-menu">
              <DataTable.FilterMenu tooltip={k("filters.add")} />
            </div>
            <DataTable.Search placeholder={k("filters.search")} />
          </div>
        </DataTable.Toolbar>
        {(customerId || orderId) && (
          <div className="flex items-center gap-x-2 px-6 py-2" data-testid="aftersales-support-inbox-scope">
            <Text size="small" className="text-ui-fg-subtle">
              {customerId ? k("filters.one_customer") : k("filters.one_order")}
            </Text>
            <button
              type="button"
              className="txt-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
              onClick={() => update({ customer_id: undefined, order_id: undefined })}
            >
              {k("filters.show_all")}
            </button>
          </div>
        )}
        {isError ? (
          <Text size="small" className="text-ui-fg-error px-6 py-4" data-testid="aftersales-support-inbox-error">
            {t("aftersales.common.error")}
          </Text>
        ) : (
          <>
            <DataTable.Table
              emptyState={{
                empty: { heading: k("empty.heading"), description: k("empty.description") },
                filtered: { heading: k("empty.filtered_heading"), description: k("empty.filtered_description") },
              }}
            />
            <DataTable.Pagination
              translations={{
                of: k("pagination.of"),
                results: k("pagination.results"),
                pages: k("pagination.pages"),
                prev: k("pagination.prev"),
                next: k("pagination.next"),
              }}
            />
          </>
        )}
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "aftersales.support.menu",
  translationNs: "translation",
  icon: ChatBubbleLeftRight,
})

export default SupportInboxPage
