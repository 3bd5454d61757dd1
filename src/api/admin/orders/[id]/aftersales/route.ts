import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import DelayWatchModuleService from "../../../../../modules/delay_watch/service"
import GesturesModuleService from "../../../../../modules/gestures/service"
import LoyaltyPointsModuleService from "../../../../../modules/loyalty_points/service"
import SupportModuleService from "../../../../../modules/support/service"
import { AdminOrderAftersalesResponse } from "../../../../../types/http/order-aftersales"
import { AftersalesModules } from "../../../../../types/modules"
import { ticketNumber } from "../../../support-tickets/helpers"
import { getReturnOptions } from "../../../../../workflows/returns"

/**
 * Everything the order widget shows — points earned and redeemed, tickets, gestures, the
 * delivery promise and its incidents, each line's return options and the requests made —
 * read in parallel, one indexed query per part.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminOrderAftersalesResponse>
) => {
  const orderId = req.params.id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "cart.id"], filters: { id: orderId } })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }

  const loyalty: LoyaltyPointsModuleService = req.scope.resolve(AftersalesModules.LOYALTY_POINTS)
  const support: SupportModuleService = req.scope.resolve(AftersalesModules.SUPPORT)
  const gestures: GesturesModuleService = req.scope.resolve(AftersalesModules.GESTURES)
  const delays: DelayWatchModuleService = req.scope.resolve(AftersalesModules.DELAY_WATCH)
  const cartId = (order as { cart?: { id: string } | null }).cart?.id

  const [entries, tickets, orderGestures, watch, incidents, returnOptions] = await Promise.all([
    loyalty.listLoyaltyTransactions(
      { $or: [{ order_id: orderId }, ...(cartId ? [{ reference_id: cartId }] : [])] },
      { order: { created_at: "ASC" } }
    ),
    support.listSupportTickets({ order_id: orderId }, { order: { created_at: "DESC" } }),
    gestures.listGestures({ order_id: orderId }, { order: { created_at: "DESC" } }),
    delays.retrieveWatchByOrder(orderId),
    delays.listDelayIncidents({ order_id: orderId }, { order: { detected_at: "ASC" } }),
    getReturnOptions(req.scope, orderId),
  ])

  const sum = (types: string[]) =>
    entries.filter((e) => types.includes(e.type)).reduce((s, e) => s + e.points, 0)

  res.json({
    order_id: orderId,
    loyalty: {
      // Ledger signs: earn +, reverse −, redeem −, refund +.
      points_earned: sum(["earn", "reverse"]),
      points_redeemed: -sum(["redeem", "refund"]),
      entries: entries.map((e) => ({
        id: e.id,
        type: e.type,
        points: e.points,
        status: e.status,
        amount: e.amount === null || e.amount === undefined ? null : Number(e.amount),
        currency_code: e.currency_code ?? null,
        reason: e.reason ?? null,
        created_at: e.created_at,
      })),
    },
    tickets: tickets.map((t) => ({
      id: t.id,
      display_id: t.display_id,
      number: ticketNumber(t.display_id),
      subject: t.subject,
      category: t.category,
      status: t.status,
      priority: t.priority,
      source: t.source,
      sla_breached_at: t.sla_breached_at ?? null,
      created_at: t.created_at,
    })),
    gestures: orderGestures.map((g) => ({
      id: g.id,
      kind: g.kind,
      status: g.status,
      amount: Number(g.amount),
      currency_code: g.currency_code,
      code: g.code ?? null,
      expires_at: g.expires_at,
      redeemed_at: g.redeemed_at ?? null,
    })),
    delay: watch
      ? {
          status: watch.status,
          ship_by: watch.ship_by,
          deliver_by: watch.deliver_by,
          shipped_at: watch.shipped_at ?? null,
          delivered_at: watch.delivered_at ?? null,
          late_stage: watch.late_stage ?? null,
          incidents: incidents.map((i) => ({
            id: i.id,
            stage: i.stage,
            cause: i.cause,
            ticket_id: i.ticket_id ?? null,
            choice: i.choice ?? null,
            new_estimate: i.new_estimate,
          })),
        }
      : null,
    return_options: returnOptions,
  })
}
