import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../../helpers/admin"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { readUntil } from "../../helpers/eventually"
import { createShopper } from "../../helpers/store"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      fixture = await createCommerceFixture(getContainer())
      admin = await createAdminUser(getContainer(), api)
    })

    describe("GET /admin/aftersales/overview", () => {
      it("answers zeros and empty rates on a store with no after-sales data", async () => {
        const { data } = await api.get("/admin/aftersales/overview", { headers: admin.headers })
        expect(data.series).toHaveLength(12)
        expect(data.series.every((w: any) => w.points_earned === 0 && w.tickets_opened === 0)).toBe(true)
        expect(data.loyalty).toEqual({
          points_available: 0,
          points_pending: 0,
          liability: expect.objectContaining({ eur: 0, try: 0 }),
          points_earned: 0,
          points_redeemed: 0,
          redemption_rate: null,
        })
        expect(data.support).toEqual(
          expect.objectContaining({ tickets: 0, breach_rate: null, average_rating: null })
        )
        expect(data.returns.exchange_share).toBeNull()
        expect(data.delays).toEqual({ late_orders: { ship: 0, deliver: 0, carrier: 0 }, total_late: 0 })
      })

      it("equals what the records say", async () => {
        const shopper = await createShopper(api, fixture.publishableKey)
        const first = await placeOrder(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
        })
        await placeOrder(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.mug_white, quantity: 1 }],
        })
        const {
          data: { ticket },
        } = await api.post(
          "/store/support-tickets",
          { order_id: first.id, category: "damaged", subject: "Broken", body: "It arrived broken." },
          { headers: shopper.headers }
        )
        await api.post(
          "/store/support-tickets",
          { category: "other", subject: "Question", body: "Do you ship to Norway?" },
          { headers: shopper.headers }
        )
        await api.post(
          `/admin/support-tickets/${ticket.id}/resolve`,
          { outcome: "refunded", gesture: { kind: "fixed", value: 5, currency_code: "eur" } },
          { headers: admin.headers }
        )
        await api.post(`/store/support-tickets/${ticket.id}/rating`, { score: 4 }, { headers: shopper.headers })

        // Points are earned by an order.placed subscriber, after the response.
        await readUntil(
          () => api.get(`/admin/customers/${shopper.customerId}/loyalty`, { headers: admin.headers }),
          (res: any) => res.data.transactions?.filter((t: any) => t.type === "earn").length === 2
        )

        // The same figures, computed from the records through the admin API.
        const { data: account } = await api.get(`/admin/customers/${shopper.customerId}/loyalty`, {
          headers: admin.headers,
        })
        const ledger: any[] = account.transactions
        const earned = ledger.filter((t) => ["earn", "reverse"].includes(t.type)).reduce((s, t) => s + t.points, 0)
        const redeemed = ledger.filter((t) => ["redeem", "refund"].includes(t.type)).reduce((s, t) => s - t.points, 0)
        const {
          data: { tickets },
        } = await api.get("/admin/support-tickets?limit=100", { headers: admin.headers })
        const {
          data: { gestures },
        } = await api.get("/admin/gestures?limit=100", { headers: admin.headers })
        const issued = gestures.filter((g: any) => g.issued_at)
        const cost = issued
          .filter((g: any) => ["fixed", "percentage", "store_credit"].includes(g.kind))
          .reduce((s: number, g: any) => s + g.amount, 0)

        const { data } = await api.get("/admin/aftersales/overview", { headers: admin.headers })
        expect(earned).toBeGreaterThan(0)
        expect(data.loyalty).toEqual(
          expect.objectContaining({
            points_earned: earned,
            points_redeemed: redeemed,
            points_available: account.loyalty.balance,
            points_pending: account.loyalty.pending,
            redemption_rate: redeemed / earned,
          })
        )
        expect(data.loyalty.liability.eur).toBeCloseTo(
          (account.loyalty.balance + account.loyalty.pending) * 0.01
        )
        expect(data.support).toEqual(
          expect.objectContaining({
            tickets: tickets.length,
            open: tickets.filter((t: any) => ["open", "pending_customer"].includes(t.status)).length,
            breached: tickets.filter((t: any) => t.sla_breached_at).length,
            ratings: 1,
            average_rating: 4,
          })
        )
        expect(data.gestures).toEqual(
          expect.objectContaining({ issued: issued.length, cost: { eur: cost } })
        )
        expect(issued.length).toEqual(1)
        const thisWeek = data.series[data.series.length - 1]
        expect(thisWeek).toEqual(
          expect.objectContaining({ points_earned: earned, tickets_opened: tickets.length, gestures_issued: 1 })
        )
      })

      it("is for admins only", async () => {
        const err = await api.get("/admin/aftersales/overview").catch((e: any) => e)
        expect(err.response.status).toEqual(401)
      })
    })
  },
})
