import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaContainer } from "@medusajs/framework/types"
import AftersalesSettingsService from "../../../src/modules/aftersales_settings/service"
import LoyaltyPointsService from "../../../src/modules/loyalty_points/service"
import { AftersalesModules } from "../../../src/types/modules"
import { createAdminUser } from "../../helpers/admin"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { eventually } from "../../helpers/eventually"
import { createShopper } from "../../helpers/store"
import { fulfil, orderLines } from "../returns/fixtures"

jest.setTimeout(600 * 1000)

const errorOf = (p: Promise<unknown>) =>
  p.then(
    (r: any) => {
      throw new Error(`expected an error, got ${r.status}: ${JSON.stringify(r.data)}`)
    },
    (e: any) => e.response
  )

const SECRET = "My neighbour Aylin at Bağdat Cd. 12 signed for it"

/**
 * The privacy lifecycle (GDPR/KVKK, issue #14 item 5): what happens to a customer's after-sales
 * data when core deletes the customer, the admin's export, and the admin's erasure on request.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string>; userId: string }
    let admin2: { headers: Record<string, string>; userId: string }
    let alice: Awaited<ReturnType<typeof createShopper>>
    let bob: Awaited<ReturnType<typeof createShopper>>
    /** Alice's story: an order with pending points, a resolved and rated ticket, an open one, a return request. */
    let story: { orderId: string; resolvedTicket: string; openTicket: string; pendingGesture: string }

    const loyalty = () => container.resolve<LoyaltyPointsService>(AftersalesModules.LOYALTY_POINTS)
    const overview = async () =>
      (await api.get("/admin/aftersales/overview", { headers: admin.headers })).data

    beforeEach(async () => {
      container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      admin2 = await createAdminUser(container, api)
      alice = await createShopper(api, fixture.publishableKey)
      bob = await createShopper(api, fixture.publishableKey)
      const settings = container.resolve<AftersalesSettingsService>(AftersalesModules.SETTINGS)
      await settings.updateSettings({ delays: { scan_every_minutes: 1440 } })

      await api.post(`/admin/customers/${alice.customerId}/loyalty/adjustments`, { points: 500, reason: "welcome" }, { headers: admin.headers })
      const order = await placeOrder(api, fixture, alice.headers, { items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }] })
      // The order's points are pending until its return window closes.
      await eventually(async () => expect((await loyalty().getAccountSummary(alice.customerId)).pending).toBeGreaterThan(0))

      const ticket = async (subject: string, body: string, orderId?: string, category = "damaged") =>
        (
          await api.post(
            "/store/support-tickets",
            { category, subject, body, ...(orderId ? { order_id: orderId } : {}) },
            { headers: alice.headers }
          )
        ).data.ticket.id as string
      const resolvedTicket = await ticket("Torn shirt", SECRET, order.id)
      await api.post(`/admin/support-tickets/${resolvedTicket}/messages`, { body: "Aylin, sorry to hear", internal: false }, { headers: admin.headers })
      await api.post(`/admin/support-tickets/${resolvedTicket}/resolve`, { outcome: "replaced", note: "Called Aylin", gesture: "none" }, { headers: admin.headers })
      await api.post(`/store/support-tickets/${resolvedTicket}/rating`, { score: 4, comment: "Aylin says thanks" }, { headers: alice.headers })
      const openTicket = await ticket("Where is my refund", `${SECRET} again`, undefined, "other")

      // A gesture above the approval threshold waits for a second admin.
      const { data } = await api.get("/admin/aftersales/settings", { headers: admin.headers })
      const policies = data.settings.gestures.policies.map((p: any) => (p.category === "wrong_item" ? { ...p, approval_above: { eur: 1 } } : p))
      await api.post("/admin/aftersales/settings", { gestures: { policies } }, { headers: admin.headers })
      const gestureTicket = await ticket("Wrong colour", "I got blue", order.id, "wrong_item")
      const resolved = await api.post(`/admin/support-tickets/${gestureTicket}/resolve`, { outcome: "sorry" }, { headers: admin.headers })
      expect(resolved.data.gesture_id).toMatch(/^gest_/)

      const lines = await orderLines(container, order.id)
      await fulfil(container, order.id, [{ id: lines.items[0].id, quantity: 2 }], { delivered_days_ago: 2 })
      await api.post(
        `/store/orders/${order.id}/return-requests`,
        { items: [{ id: lines.items[0].id, quantity: 1 }], resolution: "refund" },
        { headers: alice.headers }
      )
      story = { orderId: order.id, resolvedTicket, openTicket, pendingGesture: resolved.data.gesture_id }
    })

    /** Every text of Alice's tickets, as the admin reads them. */
    async function ticketTexts(ticketId: string) {
      const { data } = await api.get(`/admin/support-tickets/${ticketId}`, { headers: admin.headers })
      const t = data.ticket
      return {
        status: t.status,
        outcome: t.outcome,
        subject: t.subject,
        bodies: t.messages.map((m: any) => m.body),
        notes: t.resolutions.map((r: any) => r.note),
        comments: t.resolutions.map((r: any) => r.rating_comment),
        scores: t.resolutions.map((r: any) => r.rating_score),
      }
    }

    describe("DELETE /admin/customers/:id (core) and the plugin's data", () => {
      it("stops the old token, refuses new gestures, closes the points and anonymises the tickets, keeping the figures", async () => {
        const before = await overview()
        const alicePoints = await loyalty().getAccountSummary(alice.customerId)
        // Alice's 500 + signup bonus + pending order points; Bob holds his signup bonus only.
        expect(alicePoints.balance).toBeGreaterThan(500)
        const ticketsBefore = (await api.get(`/admin/support-tickets?customer_id=${alice.customerId}`, { headers: admin.headers })).data.count
        const gesturesBefore = (await api.get("/admin/gestures", { headers: admin.headers })).data.count
        expect((await api.get("/store/loyalty", { headers: alice.headers })).status).toEqual(200)

        await api.delete(`/admin/customers/${alice.customerId}`, { headers: admin.headers })

        // The token is still signed and unexpired; the plugin's routes no longer answer it.
        for (const [method, url, body] of [
          ["get", "/store/loyalty", undefined],
          ["get", "/store/loyalty/transactions", undefined],
          ["get", "/store/gestures", undefined],
          ["get", "/store/support-tickets", undefined],
          ["get", `/store/support-tickets/${story.resolvedTicket}`, undefined],
          ["post", `/store/support-tickets/${story.openTicket}/messages`, { body: "still there?" }],
          ["post", "/store/support-tickets", { category: "other", subject: "x", body: "y" }],
          ["get", `/store/orders/${story.orderId}/return-options`, undefined],
        ] as const) {
          const err = await errorOf(method === "get" ? api.get(url, { headers: alice.headers }) : api.post(url, body, { headers: alice.headers }))
          expect({ url, status: err.status }).toEqual({ url, status: 401 })
        }
        // Bob's token is untouched.
        expect((await api.get("/store/loyalty", { headers: bob.headers })).status).toEqual(200)

        // No gesture to a deleted customer: 400, nothing issued, the budget untouched.
        const refused = await errorOf(
          api.post(`/admin/support-tickets/${story.openTicket}/resolve`, { outcome: "refunded", gesture: { kind: "fixed", value: 5, currency_code: "eur" } }, { headers: admin.headers })
        )
        expect(refused.status).toEqual(400)
        expect(refused.data).toEqual({ type: "invalid_data", message: expect.stringContaining(alice.customerId) })
        expect((await api.get("/admin/gestures", { headers: admin.headers })).data.count).toEqual(gesturesBefore)

        // Points: closed out by one ledger entry; the liability drops to nothing.
        await eventually(async () => {
          const summary = await loyalty().getAccountSummary(alice.customerId)
          expect({ balance: summary.balance, pending: summary.pending }).toEqual({ balance: 0, pending: 0 })
        })
        expect(await loyalty().sumLedger(alice.customerId)).toEqual({ balance: 0, pending: 0, lots_remaining: 0 })
        const closing = await loyalty().listLoyaltyTransactions({ customer_id: alice.customerId, source: "privacy" })
        expect(closing).toEqual([expect.objectContaining({ type: "adjust", points: expect.any(Number), reason: "customer deleted" })])
        expect(closing[0].points).toBeLessThanOrEqual(-500)
        const after = await overview()
        const bobPoints = await loyalty().getAccountSummary(bob.customerId)
        expect(before.loyalty.points_available + before.loyalty.points_pending).toEqual(
          alicePoints.balance + alicePoints.pending + bobPoints.balance + bobPoints.pending
        )
        expect(after.loyalty.points_available + after.loyalty.points_pending).toEqual(bobPoints.balance + bobPoints.pending)
        expect(after.loyalty.liability.eur).toBeLessThan(before.loyalty.liability.eur)

        // Tickets: the texts are gone, the figures stay.
        await eventually(async () => {
          expect(await ticketTexts(story.resolvedTicket)).toEqual({
            status: "resolved",
            outcome: "replaced",
            subject: "[erased]",
            bodies: ["[erased]", "[erased]"],
            notes: [null],
            comments: [null],
            scores: [4],
          })
        })
        expect(await ticketTexts(story.openTicket)).toEqual(expect.objectContaining({ status: "closed", subject: "[erased]", bodies: ["[erased]"] }))
        expect((await api.get(`/admin/support-tickets?customer_id=${alice.customerId}`, { headers: admin.headers })).data.count).toEqual(ticketsBefore)
        const stillThere = JSON.stringify((await api.get(`/admin/support-tickets?customer_id=${alice.customerId}`, { headers: admin.headers })).data)
        expect(stillThere).not.toContain("Aylin")

        // The gesture that waited for approval is cancelled: approving it now issues nothing.
        const approve = await errorOf(api.post(`/admin/gestures/${story.pendingGesture}/approve`, {}, { headers: admin2.headers }))
        expect(approve.status).toBeGreaterThanOrEqual(400)
        expect(approve.status).toBeLessThan(500)

        // Jobs and the overview keep working around the deleted customer.
        for (const job of ["points-unlock", "points-expiry", "sla-check", "birthdays", "delay-scan"]) {
          const res = await api.post(`/admin/aftersales/jobs/${job}/run`, {}, { headers: admin.headers })
          expect({ job, status: res.status }).toEqual({ job, status: 200 })
        }
        expect(await loyalty().sumLedger(alice.customerId)).toEqual({ balance: 0, pending: 0, lots_remaining: 0 })

        // What is kept can still be exported by id: figures, no texts.
        const doc = (await api.get(`/admin/customers/${alice.customerId}/aftersales-export`, { headers: admin.headers })).data.export
        expect(doc.customer.deleted_at).not.toBeNull()
        expect(doc.support_tickets).toHaveLength(3)
        expect(JSON.stringify(doc)).not.toContain("Aylin")
      })
    })

    describe("GET /admin/customers/:id/aftersales-export", () => {
      it("downloads one customer's ledger, tickets with messages, gestures and return requests, and nobody else's", async () => {
        await api.post(`/store/support-tickets`, { category: "other", subject: "Bob's own", body: "bob-secret" }, { headers: bob.headers })
        const res = await api.get(`/admin/customers/${alice.customerId}/aftersales-export`, { headers: admin.headers })
        expect(res.status).toEqual(200)
        expect(res.headers["content-disposition"]).toEqual(`attachment; filename="aftersales-${alice.customerId}.json"`)
        const doc = res.data.export
        expect(doc).toEqual(
          expect.objectContaining({
            version: 1,
            customer_id: alice.customerId,
            customer: expect.objectContaining({ id: alice.customerId, email: alice.email, has_account: true, deleted_at: null }),
          })
        )
        expect(doc.loyalty.transactions.map((t: any) => t.type)).toEqual(expect.arrayContaining(["adjust", "earn"]))
        // 500 from the admin plus the signup bonus.
        expect(doc.loyalty.balance).toEqual((await loyalty().getAccountSummary(alice.customerId)).balance)
        expect(doc.loyalty.balance).toBeGreaterThan(500)
        expect(doc.support_tickets).toHaveLength(3)
        const rated = doc.support_tickets.find((t: any) => t.id === story.resolvedTicket)
        expect(rated.messages.map((m: any) => m.body)).toEqual([SECRET, "Aylin, sorry to hear"])
        expect(rated.resolutions).toEqual([expect.objectContaining({ outcome: "replaced", note: "Called Aylin", rating_score: 4, rating_comment: "Aylin says thanks" })])
        expect(doc.gestures).toEqual([expect.objectContaining({ id: story.pendingGesture, status: "pending_approval" })])
        expect(doc.return_requests).toEqual([expect.objectContaining({ order_id: story.orderId, resolution: "refund" })])
        expect(JSON.stringify(doc)).not.toContain("bob-secret")

        // Bob's export holds Bob's data only.
        const bobDoc = (await api.get(`/admin/customers/${bob.customerId}/aftersales-export`, { headers: admin.headers })).data.export
        expect(bobDoc.support_tickets.map((t: any) => t.subject)).toEqual(["Bob's own"])
      })

      it("answers 404 for an unknown customer and 401 to a shopper", async () => {
        const missing = await errorOf(api.get("/admin/customers/cus_01NOTEXISTING0000000000000/aftersales-export", { headers: admin.headers }))
        expect(missing.status).toEqual(404)
        expect(missing.data).toEqual({ type: "not_found", message: "Customer with id cus_01NOTEXISTING0000000000000 was not found" })
        const shopper = await errorOf(api.get(`/admin/customers/${alice.customerId}/aftersales-export`, { headers: alice.headers }))
        expect(shopper.status).toEqual(401)
      })
    })

    describe("POST /admin/customers/:id/aftersales-erase", () => {
      it("erases on request with the deletion's rules, once; the customer keeps their login", async () => {
        const res = await api.post(`/admin/customers/${alice.customerId}/aftersales-erase`, { confirm: true }, { headers: admin.headers })
        expect(res.status).toEqual(200)
        expect(res.data.erasure).toEqual({
          customer_id: alice.customerId,
          points_closed: expect.any(Number),
          tickets_erased: 3,
          messages_erased: 4,
          resolutions_erased: 1,
          return_requests_erased: expect.any(Number),
          gestures_cancelled: 1,
        })
        expect(res.data.erasure.points_closed).toBeGreaterThan(500)

        const mine = await api.get(`/store/support-tickets/${story.resolvedTicket}`, { headers: alice.headers })
        expect(mine.data.ticket.subject).toEqual("[erased]")
        expect(JSON.stringify(mine.data)).not.toContain("Aylin")
        expect((await api.get("/store/loyalty", { headers: alice.headers })).data.loyalty).toEqual(expect.objectContaining({ balance: 0, pending: 0 }))
        const doc = (await api.get(`/admin/customers/${alice.customerId}/aftersales-export`, { headers: admin.headers })).data.export
        expect(JSON.stringify(doc.support_tickets)).not.toContain("Aylin")
        expect(doc.support_tickets).toHaveLength(3)
        expect(doc.loyalty.transactions.filter((t: any) => t.source === "privacy")).toHaveLength(1)

        // Again: nothing left to erase, nothing written twice.
        const again = await api.post(`/admin/customers/${alice.customerId}/aftersales-erase`, { confirm: true }, { headers: admin.headers })
        expect(again.data.erasure).toEqual(
          expect.objectContaining({ points_closed: 0, tickets_erased: 0, messages_erased: 0, resolutions_erased: 0, gestures_cancelled: 0 })
        )
        expect(await loyalty().listLoyaltyTransactions({ customer_id: alice.customerId, source: "privacy" })).toHaveLength(1)
      })

      it("refuses without confirm: true (400), an unknown customer (404) and a shopper (401), erasing nothing", async () => {
        for (const body of [{}, { confirm: false }, { confirm: "yes" }, { confirm: true, extra: 1 }]) {
          const err = await errorOf(api.post(`/admin/customers/${alice.customerId}/aftersales-erase`, body, { headers: admin.headers }))
          expect({ body, status: err.status, type: err.data.type }).toEqual({ body, status: 400, type: "invalid_data" })
        }
        const missing = await errorOf(api.post("/admin/customers/cus_01NOTEXISTING0000000000000/aftersales-erase", { confirm: true }, { headers: admin.headers }))
        expect(missing.status).toEqual(404)
        const shopper = await errorOf(api.post(`/admin/customers/${alice.customerId}/aftersales-erase`, { confirm: true }, { headers: alice.headers }))
        expect(shopper.status).toEqual(401)
        expect((await ticketTexts(story.resolvedTicket)).bodies).toEqual([SECRET, "Aylin, sorry to hear"])
        expect((await loyalty().getAccountSummary(alice.customerId)).balance).toBeGreaterThan(500)
      })
    })
  },
})
