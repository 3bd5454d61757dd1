import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminResolveSupportTicketResponse,
  AdminSupportTicketListResponse,
  AdminSupportTicketResponse,
} from "../../../types/http/support"
import type { GestureChoice } from "../../../types/gestures"
import type { TicketPriority, TicketStatus } from "../../../types/support"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import { gestureQueryKeys } from "./gestures"
import { orderAftersalesQueryKeys } from "./order-aftersales"

/** Keys of the support tickets: the inbox lists (one per filter set) and each ticket. */
export const supportTicketQueryKeys = queryKeysFactory("support-tickets")
const overviewQueryKeys = queryKeysFactory("overview")

/** The filters of `GET /admin/support-tickets`, as the route validates them. */
export type SupportTicketListQuery = {
  limit?: number
  offset?: number
  status?: string
  category?: string
  priority?: string
  source?: string
  order_id?: string
  customer_id?: string
  q?: string
  breached?: "true" | "false"
}

/** The support inbox: a page of tickets for the filters, newest first. */
export function useSupportTickets(query: SupportTicketListQuery, options?: { enabled?: boolean }) {
  return useQuery({
    queryKey: supportTicketQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminSupportTicketListResponse>("/admin/support-tickets", { query }),
    // Keeps the previous page on screen while the next one loads, as core's lists do.
    placeholderData: (previous) => previous,
    enabled: options?.enabled ?? true,
  })
}

/** One ticket with its whole conversation (internal notes included) and resolutions. */
export function useSupportTicket(id: string) {
  return useQuery({
    queryKey: supportTicketQueryKeys.detail(id),
    queryFn: async () =>
      (await sdk.client.fetch<AdminSupportTicketResponse>(`/admin/support-tickets/${id}`)).ticket,
    enabled: !!id,
  })
}

/**
 * After a change to one ticket: its detail gets the server's answer (no refetch), and the
 * inbox lists (status, SLA, order) and the ticket's order widget are stale.
 */
function useTicketChanged() {
  const queryClient = useQueryClient()
  return (ticket: AdminSupportTicketResponse["ticket"]) => {
    queryClient.setQueryData(supportTicketQueryKeys.detail(ticket.id), ticket)
    queryClient.invalidateQueries({ queryKey: supportTicketQueryKeys.lists() })
    queryClient.invalidateQueries({ queryKey: overviewQueryKeys.all })
    if (ticket.order_id) {
      queryClient.invalidateQueries({ queryKey: orderAftersalesQueryKeys.detail(ticket.order_id) })
    }
  }
}

/** `POST /admin/support-tickets/:id`: status (not resolved), priority or assignee. */
export type UpdateSupportTicketBody = {
  status?: Exclude<TicketStatus, "resolved">
  priority?: TicketPriority
  assignee_id?: string | null
}

export function useUpdateSupportTicket(id: string) {
  const changed = useTicketChanged()
  return useMutation<AdminSupportTicketResponse["ticket"], FetchError, UpdateSupportTicketBody>({
    mutationFn: async (body) =>
      (
        await sdk.client.fetch<AdminSupportTicketResponse>(`/admin/support-tickets/${id}`, {
          method: "POST",
          body,
        })
      ).ticket,
    onSuccess: changed,
  })
}

/** `POST /admin/support-tickets/:id/messages`: a reply to the customer or an internal note. */
export type ReplyToSupportTicketBody = { body: string; internal: boolean }

export function useReplyToSupportTicket(id: string) {
  const changed = useTicketChanged()
  return useMutation<AdminSupportTicketResponse["ticket"], FetchError, ReplyToSupportTicketBody>({
    mutationFn: async (body) =>
      (
        await sdk.client.fetch<AdminSupportTicketResponse>(`/admin/support-tickets/${id}/messages`, {
          method: "POST",
          body,
        })
      ).ticket,
    onSuccess: changed,
  })
}

/** `POST /admin/support-tickets/:id/resolve`: an outcome, a note and the gesture choice. */
export type ResolveSupportTicketBody = { outcome: string; note?: string; gesture: GestureChoice }

/**
 * Resolves the ticket. A refusal (cap, budget, no policy) is a 400 whose message the modal
 * shows as is. A gesture may have been issued or held for approval: the ticket's gestures,
 * the gesture lists and the overview are stale too.
 */
export function useResolveSupportTicket(id: string) {
  const queryClient = useQueryClient()
  const changed = useTicketChanged()
  return useMutation<AdminResolveSupportTicketResponse, FetchError, ResolveSupportTicketBody>({
    mutationFn: (body) =>
      sdk.client.fetch<AdminResolveSupportTicketResponse>(`/admin/support-tickets/${id}/resolve`, {
        method: "POST",
        body,
      }),
    onSuccess: (data) => {
      changed(data.ticket)
      queryClient.invalidateQueries({ queryKey: gestureQueryKeys.lists() })
    },
  })
}

/**
 * The admin users a ticket can be assigned to, and who wrote an agent message. Read through
 * core's `GET /admin/users`; one page of 100 covers a support team.
 */
export function useSupportAgents() {
  return useQuery({
    queryKey: [...supportTicketQueryKeys.all, "agents"] as const,
    queryFn: async () => (await sdk.admin.user.list({ limit: 100, fields: "id,email,first_name,last_name" })).users,
    staleTime: 5 * 60 * 1000,
  })
}
