import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AftersalesModules } from "../../../src/types/modules"
import {
  checkSlaBreachesWorkflow,
  createSupportTicketWorkflow,
} from "../../../src/workflows/support"
import { createAdminUser } from "../../helpers/admin"
import { createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { createPublishableKey, createShopper } from "../../helpers/store"

jest.setTimeout(120 * 1000)

const errorOf = (p: Promise<unknown>) => p.then(
  (r) => { throw new Error(`expected an error, got ${JSON.stringify((r as any)?.data)}`) },
  (e: any) => e.response
)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string>; userId: string }
    let key: string
    let alice: { headers: Record<string, string>; customerId: string; email: string }
    let bob: { headers: Record<string, string>; customerId: string; email: string }

    const openTicket = async (who = alice, body: Record<string, unknown> = {}) =>
      (
        await api.post(
          "/store/support-tickets",
          { category: "damaged", subject: "Broken mug", body: "It arrived in pieces", ...body },
          { headers: who.headers }
        )
      ).data.ticket

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminUser(container, api)
      key = (await createPublishableKey(container)).key
      alice = await createShopper(api, key)
      bob = await createShopper(api, key)
    })

    describe("POST /store/support-tickets", () => {
      it("opens a ticket with a number, the first message and SLA due times", async () => {
        const res = await api.post(
          "/store/support-tickets",
          { category: "damaged", subject: "Broken mug", body: "It arrived in pieces" },
          { headers: alice.headers }
        )
        expect(res.status).toEqual(201)
        expect(res.data.ticket).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^stkt_/),
            number: expect.stringMatching(/^#1\d{3}$/),
            status: "open",
            category: "damaged",
            subject: "Broken mug",
            order_id: null,
            rating_requested: false,
            messages: [expect.objectContaining({ author_type: "customer", body: "It arrived in pieces" })],
          })
        )
        const { data } = await api.get(`/admin/support-tickets/${res.data.ticket.id}`, { headers: admin.headers })
        const created = new Date(data.ticket.created_at).getTime()
        // Default SLA for "normal": first response in 24 h, resolution in 72 h.
        expect(new Date(data.ticket.first_response_due_at).getTime() - created).toBeGreaterThan(23.9 * 3600e3)
        expect(new Date(data.ticket.first_response_due_at).getTime() - created).toBeLessThan(24.1 * 3600e3)
        expect(new Date(data.ticket.resolution_due_at).getTime() - created).toBeGreaterThan(71.9 * 3600e3)
        expect(data.ticket).toEqual(expect.objectContaining({ source: "customer", channel: "web", priority: "normal", customer_id: alice.customerId }))
      })

      it("answers 401 to an anonymous shopper", async () => {
        const err = await errorOf(
          api.post("/store/support-tickets", { category: "other", subject: "x", body: "y" }, { headers: { "x-publishable-api-key": key } })
        )
        expect(err.status).toEqual(401)
        const list = await errorOf(api.get("/store/support-tickets", { headers: { "x-publishable-api-key": key } }))
        expect(list.status).toEqual(401)
        const gestures = await errorOf(api.get("/store/gestures", { headers: { "x-publishable-api-key": key } }))
        expect(gestures.status).toEqual(401)
      })

      it("refuses bad input with 400 { type, message } naming the field", async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ category: "weird", subject: "x", body: "y" }, "category"],
          [{ category: "other", subject: "", body: "y" }, "subject"],
          [{ category: "other", subject: "x" }, "body"],
          [{ category: "other", subject: "x", body: "y", customer_id: bob.customerId }, "customer_id"],
          [{ category: "other", subject: "x", body: "y", order_id: 42 }, "order_id"],
        ]
        for (const [body, field] of cases) {
          const err = await errorOf(api.post("/store/support-tickets", body, { headers: alice.headers }))
          expect(err.status).toEqual(400)
          expect(err.data).toEqual({ type: "invalid_data", message: expect.stringContaining(field) })
        }
      })

      it("opens a ticket on the shopper's own order, never on another shopper's", async () => {
        const fixture = await createCommerceFixture(getContainer())
        const aliceH = { ...alice.headers, "x-publishable-api-key": fixture.publishableKey }
        const bobH = { ...bob.headers, "x-publishable-api-key": fixture.publishableKey }
        const order = await placeOrder(api, fixture, aliceH, { items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }] })

        const mine = await api.post(
          "/store/support-tickets",
          { category: "delay", subject: "Where is it?", body: "Late", order_id: order.id },
          { headers: aliceH }
        )
        expect(mine.data.ticket.order_id).toEqual(order.id)

        const err = await errorOf(
          api.post("/store/support-tickets", { category: "delay", subject: "Mine?", body: "x", order_id: order.id }, { headers: bobH })
        )
        expect(err.status).toEqual(404)
        expect(err.data).toEqual({ type: "not_found", message: `Order with id ${order.id} was not found` })

        const byOrder = await api.get(`/admin/support-tickets?order_id=${order.id}`, { headers: admin.headers })
        expect(byOrder.data.tickets.map((t: any) => t.id)).toEqual([mine.data.ticket.id])
        expect(byOrder.data.count).toEqual(1)
      })
    })

    describe("GET /store/support-tickets and /:id", () => {
      it("lists and reads only the shopper's own tickets, without internal notes", async () => {
        const a = await openTicket(alice)
        const b = await openTicket(bob, { subject: "Bob's case" })
        await api.post(`/admin/support-tickets/${a.id}/messages`, { body: "Customer seems upset, check stock", internal: true }, { headers: admin.headers })
        await api.post(`/admin/support-tickets/${a.id}/messages`, { body: "Sorry! A new one is on its way." }, { headers: admin.headers })

        const list = await api.get("/store/support-tickets", { headers: alice.headers })
        expect(list.data).toEqual(expect.objectContaining({ count: 1, offset: 0, limit: 20 }))
        expect(list.data.tickets.map((t: any) => t.id)).toEqual([a.id])

        const read = await api.get(`/store/support-tickets/${a.id}`, { headers: alice.headers })
        expect(read.data.ticket.messages.map((m: any) => m.body)).toEqual([
          "It arrived in pieces",
          "Sorry! A new one is on its way.",
        ])
        expect(JSON.stringify(read.data)).not.toContain("check stock")
        expect(read.data.ticket).not.toHaveProperty("assignee_id")

        const admins = await api.get(`/admin/support-tickets/${a.id}`, { headers: admin.headers })
        expect(admins.data.ticket.messages).toHaveLength(3)
        expect(admins.data.ticket.messages[1]).toEqual(expect.objectContaining({ internal: true, author_type: "agent", author_id: admin.userId }))

        const other = await errorOf(api.get(`/store/support-tickets/${b.id}`, { headers: alice.headers }))
        expect(other.status).toEqual(404)
        expect(other.data).toEqual({ type: "not_found", message: `Support ticket with id ${b.id} was not found` })
      })

      it("tells the shopper where each ticket came from: customer, proactive or admin", async () => {
        const own = await openTicket(alice)
        const byPhone = (
          await api.post(
            "/admin/support-tickets",
            { customer_id: alice.customerId, category: "other", subject: "Called about sizes" },
            { headers: admin.headers }
          )
        ).data.ticket
        const { result: proactive } = await createSupportTicketWorkflow(getContainer()).run({
          input: {
            customer_id: alice.customerId,
            category: "delay",
            channel: "system",
            source: "proactive",
            subject: "Your order is late",
            message: { author_type: "system", body: "Sorry, it is late" },
            idempotency_key: "delay:order_src:ship",
          },
        })
        const expected: Record<string, string> = { [own.id]: "customer", [byPhone.id]: "admin", [proactive.id]: "proactive" }

        expect(own.source).toEqual("customer")
        const list = await api.get("/store/support-tickets", { headers: alice.headers })
        expect(list.data.count).toEqual(3)
        expect(Object.fromEntries(list.data.tickets.map((t: any) => [t.id, t.source]))).toEqual(expected)
        for (const [id, source] of Object.entries(expected)) {
          const read = await api.get(`/store/support-tickets/${id}`, { headers: alice.headers })
          expect(read.data.ticket).toEqual(expect.objectContaining({ id, source }))
        }
        const reply = await api.post(`/store/support-tickets/${proactive.id}/messages`, { body: "I will wait" }, { headers: alice.headers })
        expect(reply.data.ticket.source).toEqual("proactive")
      })

      it("bounds the list parameters", async () => {
        for (const qs of ["limit=-5", "offset=-1", "limit=1000", "status=nope", "limit=abc", "foo=bar"]) {
          const err = await errorOf(api.get(`/store/support-tickets?${qs}`, { headers: alice.headers }))
          expect(err.status).toEqual(400)
          expect(err.data).toEqual({ type: "invalid_data", message: expect.stringContaining("Invalid query") })
        }
        await openTicket(alice)
        await openTicket(alice, { subject: "Second" })
        const page = await api.get("/store/support-tickets?limit=1&offset=1", { headers: alice.headers })
        expect(page.data).toEqual(expect.objectContaining({ count: 2, limit: 1, offset: 1 }))
        expect(page.data.tickets).toHaveLength(1)
        expect(page.data.tickets[0].subject).toEqual("Broken mug")
      })
    })

    describe("POST /store/support-tickets/:id/messages", () => {
      it("lets only the owner reply; an agent reply stops the first-response clock", async () => {
        const t = await openTicket(alice)
        const bobs = await errorOf(api.post(`/store/support-tickets/${t.id}/messages`, { body: "hi" }, { headers: bob.headers }))
        expect(bobs.status).toEqual(404)
        expect(bobs.data.type).toEqual("not_found")
        const bad = await errorOf(api.post(`/store/support-tickets/${t.id}/messages`, { body: "  " }, { headers: alice.headers }))
        expect(bad.status).toEqual(400)
        expect(bad.data).toEqual({ type: "invalid_data", message: expect.stringContaining("body") })

        await api.post(`/admin/support-tickets/${t.id}/messages`, { body: "note", internal: true }, { headers: admin.headers })
        let ticket = (await api.get(`/admin/support-tickets/${t.id}`, { headers: admin.headers })).data.ticket
        // An internal note is not a response to the customer.
        expect(ticket.first_responded_at).toBeNull()
        expect(ticket.status).toEqual("open")

        await api.post(`/admin/support-tickets/${t.id}/messages`, { body: "We are on it" }, { headers: admin.headers })
        ticket = (await api.get(`/admin/support-tickets/${t.id}`, { headers: admin.headers })).data.ticket
        expect(ticket.first_responded_at).not.toBeNull()
        expect(ticket.status).toEqual("pending_customer")
        const firstResponse = ticket.first_responded_at

        const reply = await api.post(`/store/support-tickets/${t.id}/messages`, { body: "Thanks" }, { headers: alice.headers })
        expect(reply.status).toEqual(201)
        expect(reply.data.ticket.status).toEqual("open")
        await api.post(`/admin/support-tickets/${t.id}/messages`, { body: "Second answer" }, { headers: admin.headers })
        ticket = (await api.get(`/admin/support-tickets/${t.id}`, { headers: admin.headers })).data.ticket
        expect(ticket.first_responded_at).toEqual(firstResponse)

        // The customer is told about public replies only, once each, in their language.
        const notifications = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({
          template: "aftersales.support.agent_reply",
          receiver_id: alice.customerId,
        })
        expect(notifications).toHaveLength(2)
        expect(notifications[0]).toEqual(expect.objectContaining({ to: alice.email, channel: "email" }))
      })
    })

    describe("POST /admin/support-tickets/:id/resolve and POST /store/support-tickets/:id/rating", () => {
      it("rates once per resolution; a reply within 14 days reopens and asks again", async () => {
        const t = await openTicket(alice)
        const early = await errorOf(api.post(`/store/support-tickets/${t.id}/rating`, { score: 5 }, { headers: alice.headers }))
        expect(early.status).toEqual(400)
        expect(early.data).toEqual({ type: "not_allowed", message: expect.stringContaining("not resolved") })

        const resolved = await api.post(`/admin/support-tickets/${t.id}/resolve`, { outcome: "replaced", gesture: "none" }, { headers: admin.headers })
        expect(resolved.data.ticket).toEqual(expect.objectContaining({ status: "resolved", outcome: "replaced" }))
        expect(resolved.data.gesture_id).toBeNull()
        let mine = (await api.get(`/store/support-tickets/${t.id}`, { headers: alice.headers })).data.ticket
        expect(mine.rating_requested).toEqual(true)

        const bobs = await errorOf(api.post(`/store/support-tickets/${t.id}/rating`, { score: 1 }, { headers: bob.headers }))
        expect(bobs.status).toEqual(404)
        for (const body of [{ score: 0 }, { score: 6 }, { score: 4.5 }, {}, { score: 3, extra: 1 }]) {
          const bad = await errorOf(api.post(`/store/support-tickets/${t.id}/rating`, body, { headers: alice.headers }))
          expect(bad.status).toEqual(400)
          expect(bad.data.type).toEqual("invalid_data")
        }

        const rated = await api.post(`/store/support-tickets/${t.id}/rating`, { score: 4, comment: "Quick" }, { headers: alice.headers })
        expect(rated.data.ticket).toEqual(expect.objectContaining({ rating_requested: false, rating: { score: 4, comment: "Quick" } }))
        const again = await errorOf(api.post(`/store/support-tickets/${t.id}/rating`, { score: 1 }, { headers: alice.headers }))
        expect(again.status).toEqual(400)
        expect(again.data).toEqual({ type: "not_allowed", message: expect.stringContaining("already rated") })

        const reopened = await api.post(`/store/support-tickets/${t.id}/messages`, { body: "It broke again" }, { headers: alice.headers })
        expect(reopened.data.ticket.status).toEqual("open")
        expect(reopened.data.ticket.rating).toBeNull()

        await api.post(`/admin/support-tickets/${t.id}/resolve`, { outcome: "refunded", gesture: "none" }, { headers: admin.headers })
        mine = (await api.get(`/store/support-tickets/${t.id}`, { headers: alice.headers })).data.ticket
        expect(mine.rating_requested).toEqual(true)
        await api.post(`/store/support-tickets/${t.id}/rating`, { score: 2 }, { headers: alice.headers })
        const admins = (await api.get(`/admin/support-tickets/${t.id}`, { headers: admin.headers })).data.ticket
        expect(admins.resolutions.map((r: any) => [r.outcome, r.rating_score])).toEqual([["replaced", 4], ["refunded", 2]])
      })

      it("refuses a reply to a ticket resolved more than 14 days ago", async () => {
        const t = await openTicket(alice)
        await api.post(`/admin/support-tickets/${t.id}/resolve`, { outcome: "answered", gesture: "none" }, { headers: admin.headers })
        const support = getContainer().resolve(AftersalesModules.SUPPORT) as any
        await support.updateSupportTickets({ id: t.id, resolved_at: new Date(Date.now() - 15 * 24 * 3600e3) })
        const err = await errorOf(api.post(`/store/support-tickets/${t.id}/messages`, { body: "hello?" }, { headers: alice.headers }))
        expect(err.status).toEqual(400)
        expect(err.data).toEqual({ type: "not_allowed", message: expect.stringContaining("more than 14 days") })
        const still = (await api.get(`/store/support-tickets/${t.id}`, { headers: alice.headers })).data.ticket
        expect(still.status).toEqual("resolved")
        expect(still.messages).toHaveLength(1)
      })
    })

    describe("admin /admin/support-tickets", () => {
      it("creates for a phone call, updates, filters, and refuses bad input", async () => {
        const created = await api.post(
          "/admin/support-tickets",
          { customer_id: bob.customerId, category: "payment", priority: "urgent", subject: "Charged twice", body: "Called about a double charge" },
          { headers: admin.headers }
        )
        expect(created.status).toEqual(201)
        expect(created.data.ticket).toEqual(
          expect.objectContaining({ source: "admin", channel: "phone", priority: "urgent", customer_id: bob.customerId })
        )
        const urgentDue = new Date(created.data.ticket.first_response_due_at).getTime() - new Date(created.data.ticket.created_at).getTime()
        expect(urgentDue).toBeLessThan(2.1 * 3600e3)
        await openTicket(alice)

        const unknown = await errorOf(api.post("/admin/support-tickets", { customer_id: "cus_nope", category: "other", subject: "x" }, { headers: admin.headers }))
        expect(unknown.status).toEqual(404)
        expect(unknown.data).toEqual({ type: "not_found", message: "Customer with id cus_nope was not found" })

        const updated = await api.post(`/admin/support-tickets/${created.data.ticket.id}`, { priority: "low", assignee_id: admin.userId }, { headers: admin.headers })
        expect(updated.data.ticket).toEqual(expect.objectContaining({ priority: "low", assignee_id: admin.userId }))
        for (const body of [{}, { status: "resolved" }, { priority: "asap" }]) {
          const err = await errorOf(api.post(`/admin/support-tickets/${created.data.ticket.id}`, body, { headers: admin.headers }))
          expect(err.status).toEqual(400)
          expect(err.data.type).toEqual("invalid_data")
        }
        const missing = await errorOf(api.post("/admin/support-tickets/stkt_nope", { priority: "low" }, { headers: admin.headers }))
        expect(missing.status).toEqual(404)
        const badResolve = await errorOf(api.post(`/admin/support-tickets/${created.data.ticket.id}/resolve`, { outcome: "x", gesture: { kind: "gift", value: 1 } }, { headers: admin.headers }))
        expect(badResolve.status).toEqual(400)
        expect(badResolve.data).toEqual({ type: "invalid_data", message: expect.stringContaining("gesture") })

        const byCategory = await api.get("/admin/support-tickets?category=payment", { headers: admin.headers })
        expect(byCategory.data.tickets.map((t: any) => t.subject)).toEqual(["Charged twice"])
        const byCustomer = await api.get(`/admin/support-tickets?customer_id=${alice.customerId}`, { headers: admin.headers })
        expect(byCustomer.data.tickets.map((t: any) => t.subject)).toEqual(["Broken mug"])
        const bySource = await api.get("/admin/support-tickets?source=admin&priority=low", { headers: admin.headers })
        expect(bySource.data.count).toEqual(1)
        const byText = await api.get("/admin/support-tickets?q=charged", { headers: admin.headers })
        expect(byText.data.tickets.map((t: any) => t.id)).toEqual([created.data.ticket.id])
        const byNumber = await api.get(`/admin/support-tickets?q=${encodeURIComponent(created.data.ticket.number)}`, { headers: admin.headers })
        expect(byNumber.data.tickets.map((t: any) => t.id)).toEqual([created.data.ticket.id])
        const bad = await errorOf(api.get("/admin/support-tickets?limit=-1", { headers: admin.headers }))
        expect(bad.status).toEqual(400)
        expect(bad.data.type).toEqual("invalid_data")
      })
    })

    describe("sla-check", () => {
      it("flags breached tickets once, posts one admin feed item, and the inbox filters them", async () => {
        const late = await openTicket(alice, { subject: "Late answer" })
        const answered = await openTicket(alice, { subject: "Answered" })
        await openTicket(bob, { subject: "Fresh" })
        await api.post(`/admin/support-tickets/${answered.id}/messages`, { body: "Hi" }, { headers: admin.headers })
        const support = getContainer().resolve(AftersalesModules.SUPPORT) as any
        const past = new Date(Date.now() - 3600e3)
        await support.updateSupportTickets([
          { id: late.id, first_response_due_at: past },
          { id: answered.id, first_response_due_at: past },
        ])

        const { result } = await checkSlaBreachesWorkflow(getContainer()).run()
        expect(result.flagged).toEqual(1)
        expect(result.tickets).toEqual([expect.objectContaining({ id: late.id, breach: "first_response" })])
        const second = await checkSlaBreachesWorkflow(getContainer()).run()
        expect(second.result.flagged).toEqual(0)

        const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
        expect(feed).toHaveLength(1)
        expect(feed[0].data).toEqual(expect.objectContaining({ title: "Support SLA breached", description: expect.stringContaining(late.number) }))

        const breached = await api.get("/admin/support-tickets?breached=true", { headers: admin.headers })
        expect(breached.data.tickets).toEqual([expect.objectContaining({ id: late.id, sla_breach: "first_response", sla_breached_at: expect.any(String) })])
        const notBreached = await api.get("/admin/support-tickets?breached=false", { headers: admin.headers })
        expect(notBreached.data.count).toEqual(2)
      })
    })

    describe("POST /admin/aftersales/jobs/sla-check/run with a backlog", () => {
      /** Late tickets written in one statement, as a store with a backlog has them. */
      const seedLateTickets = async (n: number, customerId: string) => {
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pg.raw(
          `INSERT INTO support_ticket (id, customer_id, category, subject, first_response_due_at, resolution_due_at)
           SELECT 'stkt_late' || lpad(g::text, 5, '0'), ?, 'damaged', 'Late ' || g, now() - interval '1 hour', now() + interval '1 day'
           FROM generate_series(1, ?) g`,
          [customerId, n]
        )
      }
      const runSlaCheck = () => api.post("/admin/aftersales/jobs/sla-check/run", {}, { headers: admin.headers })

      it("flags 1 000 late tickets once when two runs race, and names each in one admin feed item", async () => {
        await seedLateTickets(1000, alice.customerId)
        const runs = await Promise.all([runSlaCheck(), runSlaCheck()])
        expect(runs.map((r) => r.status)).toEqual([200, 200])
        // Each ticket is flagged by exactly one of the two runs.
        const flaggedIds = runs.flatMap((r) => r.data.result.tickets.map((t: any) => t.id))
        expect(runs[0].data.result.flagged + runs[1].data.result.flagged).toEqual(1000)
        expect(new Set(flaggedIds).size).toEqual(1000)
        expect(runs[0].data.result.tickets[0] ?? runs[1].data.result.tickets[0]).toEqual(
          expect.objectContaining({ id: expect.stringMatching(/^stkt_late/), breach: "first_response" })
        )

        const breached = await api.get("/admin/support-tickets?breached=true&limit=1", { headers: admin.headers })
        expect(breached.data.count).toEqual(1000)
        expect(breached.data.tickets[0]).toEqual(expect.objectContaining({ sla_breach: "first_response", sla_breached_at: expect.any(String) }))

        const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
        const named = feed.flatMap((n: any) => n.data.ticket_ids)
        expect(named).toHaveLength(1000)
        expect(new Set(named)).toEqual(new Set(flaggedIds))
        expect(feed[0].data).toEqual(expect.objectContaining({ title: "Support SLA breached", description: expect.stringMatching(/ticket\(s\) missed their SLA: #\d+/) }))

        const again = await runSlaCheck()
        expect(again.data.result).toEqual({ flagged: 0, tickets: [] })
        expect(await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })).toHaveLength(feed.length)
      })

      it("keeps the breaches flagged when the admin notification fails", async () => {
        await seedLateTickets(200, alice.customerId)
        const notifications = getContainer().resolve(Modules.NOTIFICATION)
        // Fault injection: the notification provider is down for this run.
        const spy = jest.spyOn(notifications, "createNotifications").mockRejectedValueOnce(new Error("provider down"))
        const run = await runSlaCheck()
        spy.mockRestore()
        expect(run.status).toEqual(200)
        expect(run.data.result.flagged).toEqual(200)
        const breached = await api.get("/admin/support-tickets?breached=true&limit=1", { headers: admin.headers })
        expect(breached.data.count).toEqual(200)
        // Nothing is flagged twice by the next run.
        expect((await runSlaCheck()).data.result.flagged).toEqual(0)
      })
    })

    describe("createSupportTicketWorkflow", () => {
      it("opens one ticket for one idempotency key, even when two runs race", async () => {
        const input = {
          customer_id: alice.customerId,
          category: "delay" as const,
          channel: "system" as const,
          source: "proactive" as const,
          subject: "Your order is late",
          message: { author_type: "system" as const, body: "Sorry, it is late" },
          idempotency_key: "delay:order_x:ship",
        }
        const runs = await Promise.all([
          createSupportTicketWorkflow(getContainer()).run({ input }),
          createSupportTicketWorkflow(getContainer()).run({ input }),
        ])
        const again = await createSupportTicketWorkflow(getContainer()).run({ input })
        const ids = new Set([...runs, again].map((r) => r.result.id))
        expect(ids.size).toEqual(1)
        expect([...runs, again].filter((r) => r.result.created)).toHaveLength(1)
        const list = await api.get(`/admin/support-tickets?customer_id=${alice.customerId}`, { headers: admin.headers })
        expect(list.data.count).toEqual(1)
        expect((await api.get(`/store/support-tickets/${[...ids][0]}`, { headers: alice.headers })).data.ticket.messages).toHaveLength(1)
      })
    })
  },
})
