import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AftersalesEvents } from "../types/events"
import { notifySupportCustomerWorkflow } from "../workflows/support"

/**
 * Tells the customer their ticket is resolved and asks for the rating. Keyed by the
 * resolution: a redelivered event sends nothing twice; a reopened and re-resolved ticket
 * asks again.
 */
export default async function supportTicketResolvedNotify({
  event: { data },
  container,
}: SubscriberArgs<{ id: string; customer_id: string; resolution_id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [ticket],
  } = await query.graph({
    entity: "support_ticket",
    fields: ["id", "display_id", "subject", "outcome", "customer_id", "order_id"],
    filters: { id: data.id },
  })
  if (!ticket) {
    return
  }
  await notifySupportCustomerWorkflow(container).run({
    input: {
      customer_id: ticket.customer_id,
      // A ticket about an order is answered at the order's email.
      order_id: ticket.order_id,
      about: "order",
      template: "aftersales.support.resolved",
      idempotency_key: `support-resolved:${data.resolution_id}`,
      resource_id: ticket.id,
      resource_type: "support_ticket",
      data: {
        number: `#${1000 + Number(ticket.display_id)}`,
        subject: ticket.subject,
        outcome: ticket.outcome,
        resolution_id: data.resolution_id,
      },
    },
  })
}

export const config: SubscriberConfig = {
  event: AftersalesEvents.TICKET_RESOLVED,
  context: { subscriberId: "aftersales-support-ticket-resolved-notify" },
}
