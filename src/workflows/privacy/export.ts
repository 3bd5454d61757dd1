import { MedusaContainer } from "@medusajs/framework/types"
import GesturesModuleService from "../../modules/gestures/service"
import LoyaltyPointsService from "../../modules/loyalty_points/service"
import ReturnRulesModuleService from "../../modules/return_rules/service"
import SupportModuleService from "../../modules/support/service"
import { AftersalesCustomerExport } from "../../types/http/privacy"
import { AftersalesModules } from "../../types/modules"
import { retrieveCustomerEvenDeleted } from "./active-customer"

const byCreatedAt = (a: { created_at?: unknown }, b: { created_at?: unknown }) =>
  new Date(a.created_at as string).getTime() - new Date(b.created_at as string).getTime()

/**
 * Everything the plugin keeps about one customer (right of access, GDPR art. 15 / KVKK art. 11):
 * the points ledger, tickets with every message and resolution, gestures and return requests.
 * A deleted customer is found too (their data is kept by id until erased). NOT_FOUND when the
 * id never was a customer.
 */
export async function exportCustomerAftersales(
  container: MedusaContainer,
  customerId: string
): Promise<AftersalesCustomerExport> {
  const customer = await retrieveCustomerEvenDeleted(container, customerId)
  const loyalty: LoyaltyPointsService = container.resolve(AftersalesModules.LOYALTY_POINTS)
  const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
  const gestures: GesturesModuleService = container.resolve(AftersalesModules.GESTURES)
  const returns: ReturnRulesModuleService = container.resolve(AftersalesModules.RETURN_RULES)
  const [summary, transactions, tickets, gestureRows, requests] = await Promise.all([
    loyalty.getAccountSummary(customerId),
    loyalty.listLoyaltyTransactions({ customer_id: customerId }, { order: { created_at: "ASC" } }),
    support.listSupportTickets(
      { customer_id: customerId },
      { relations: ["messages", "resolutions"], order: { created_at: "ASC" } }
    ),
    gestures.listGestures({ customer_id: customerId }, { order: { created_at: "ASC" } }),
    returns.listReturnRequests({ customer_id: customerId }, { order: { created_at: "ASC" } }),
  ])
  return {
    version: 1,
    exported_at: new Date().toISOString(),
    customer_id: customerId,
    customer: {
      id: customer.id,
      email: customer.email ?? null,
      first_name: customer.first_name ?? null,
      last_name: customer.last_name ?? null,
      has_account: customer.has_account === true,
      deleted_at: customer.deleted_at ?? null,
    },
    loyalty: {
      balance: summary.balance,
      pending: summary.pending,
      transactions: transactions as unknown as Record<string, unknown>[],
    },
    support_tickets: tickets.map((t) => ({
      ...t,
      messages: [...(t.messages ?? [])].sort(byCreatedAt),
      resolutions: [...(t.resolutions ?? [])].sort(byCreatedAt),
    })),
    gestures: gestureRows as unknown as Record<string, unknown>[],
    return_requests: requests as unknown as Record<string, unknown>[],
  }
}
