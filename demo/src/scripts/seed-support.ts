import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  checkSlaBreachesWorkflow,
  createSupportTicketWorkflow,
  rateSupportTicketWorkflow,
  replyToSupportTicketWorkflow,
  resolveSupportTicketWorkflow,
  scanDelaysWorkflow,
} from "medusa-aftersales/workflows"

const HOUR = 60 * 60 * 1000

/** A seeded order: whose, and how far its story went. */
export type SeededOrder = {
  id: string
  email: string
  placedDaysAgo: number
  shippedDaysAgo?: number
  deliveredDaysAgo?: number
}

/**
 * Gives the demo a support desk with a past: a resolved complaint with a gesture and a rating,
 * an open ticket past its first-response SLA, a fresh question, and the late orders found by the
 * delay scan (each with its proactive ticket). Everything through the plugin's own workflows,
 * as a merchant's app uses them (`medusa-aftersales/workflows`).
 */
export async function seedSupport(
  container: MedusaContainer,
  { customers, orders }: { customers: Record<string, string>; orders: SeededOrder[] }
) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const order = (email: string, i = 0) => orders.filter((o) => o.email === email)[i]

  // Ayşe's mug arrived chipped: answered, resolved with a 10% coupon, rated 5.
  const chipped = order("ayse@example.com", 1)
  const { result: t1 } = await createSupportTicketWorkflow(container).run({
    input: {
      customer_id: customers["ayse@example.com"],
      order_id: chipped.id,
      category: "damaged",
      channel: "web",
      source: "customer",
      subject: "Iznik kupa kırık geldi",
      message: { author_type: "customer", body: "Kupalardan biri kulpundan kırık geldi. Fotoğraf ekledim." },
    },
  })
  await replyToSupportTicketWorkflow(container).run({
    input: {
      ticket_id: t1.id,
      author_type: "agent",
      body: "Çok üzgünüz Ayşe Hanım! Yenisini hemen gönderiyoruz; bir de sonraki alışverişiniz için küçük bir hediye.",
    },
  })
  await resolveSupportTicketWorkflow(container).run({
    input: { ticket_id: t1.id, outcome: "replacement_sent", gesture: { kind: "percentage", value: 10 } },
  })
  await rateSupportTicketWorkflow(container).run({
    input: { ticket_id: t1.id, customer_id: customers["ayse@example.com"], score: 5, comment: "Çok hızlı çözdünüz, teşekkürler!" },
  })

  // Lucas got the wrong size: resolved with an exchange, no gesture, rated 3.
  const { result: t2 } = await createSupportTicketWorkflow(container).run({
    input: {
      customer_id: customers["lucas@example.com"],
      order_id: order("lucas@example.com").id,
      category: "wrong_item",
      channel: "email",
      source: "customer",
      subject: "Wrong shirt size",
      message: { author_type: "customer", body: "I ordered S but received M." },
    },
  })
  await resolveSupportTicketWorkflow(container).run({
    input: { ticket_id: t2.id, outcome: "exchange_offered", gesture: "none" },
  })
  await rateSupportTicketWorkflow(container).run({
    input: { ticket_id: t2.id, customer_id: customers["lucas@example.com"], score: 3 },
  })

  // Mehmet asked where his parcel is two days ago and nobody answered: past its SLA.
  const { result: t3 } = await createSupportTicketWorkflow(container).run({
    input: {
      customer_id: customers["mehmet@example.com"],
      order_id: order("mehmet@example.com", 1).id,
      category: "delay",
      priority: "high",
      channel: "web",
      source: "customer",
      subject: "Kargom nerede?",
      message: { author_type: "customer", body: "Sandaletler bir haftadır yolda, takip numarası güncellenmiyor." },
    },
  })
  const twoDaysAgo = new Date(Date.now() - 48 * HOUR)
  await knex("support_ticket")
    .where({ id: t3.id })
    .update({
      created_at: twoDaysAgo,
      first_response_due_at: new Date(twoDaysAgo.getTime() + 8 * HOUR),
      resolution_due_at: new Date(twoDaysAgo.getTime() + 24 * HOUR),
    })

  // Anna has a question, just asked.
  await createSupportTicketWorkflow(container).run({
    input: {
      customer_id: customers["anna@example.com"],
      category: "other",
      channel: "chat",
      source: "customer",
      subject: "Do the robes run large?",
      message: { author_type: "customer", body: "I'm between S/M and L/XL. Which would you suggest?" },
    },
  })
  await checkSlaBreachesWorkflow(container).run({ input: {} })

  // The orders were placed "now" and moved into the past by the seed: move their delivery
  // promises with them (ship within 48 h, deliver within 5 days), then let the scan find the
  // broken ones. The watches are written by an order.placed subscriber: wait for them.
  for (let i = 0; i < 40; i++) {
    const [{ count }] = await knex("delay_watch").whereIn("order_id", orders.map((o) => o.id)).count({ count: "*" })
    if (Number(count) >= orders.length) break
    await new Promise((r) => setTimeout(r, 250))
  }
  for (const o of orders) {
    const placed = new Date(Date.now() - o.placedDaysAgo * 24 * HOUR)
    await knex("delay_watch")
      .where({ order_id: o.id })
      .update({
        placed_at: placed,
        ship_by: new Date(placed.getTime() + 48 * HOUR),
        deliver_by: new Date(placed.getTime() + 5 * 24 * HOUR),
      })
  }
  await scanDelaysWorkflow(container).run({ input: {} })
}
