import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import AftersalesSettingsService from "../../../src/modules/aftersales_settings/service"
import DelayWatchService from "../../../src/modules/delay_watch/service"
import { AftersalesModules } from "../../../src/types/modules"
import { runDelayScan } from "../../../src/workflows/delays"
import { createAdminUser } from "../../helpers/admin"
import { readUntil } from "../../helpers/eventually"
import { CommerceFixture, createCommerceFixture, placeOrder, prepareCart } from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"

// Generous: the app boots in this hook, and a loaded machine boots slowly.
jest.setTimeout(600 * 1000)

const HOUR = 60 * 60 * 1000

/*
 * Issue #13, item 8: one late order used to give two coupons (the shopper's "wait" and the
 * agent's resolution by policy), and a later "cancel" refunded the order and left both.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }
    let alice: Awaited<ReturnType<typeof createShopper>>

    const watches = () => getContainer().resolve<DelayWatchService>(AftersalesModules.DELAY_WATCH)
    const support = () => getContainer().resolve(AftersalesModules.SUPPORT) as any
    const gestures = () => getContainer().resolve(AftersalesModules.GESTURES) as any
    const promotions = () => getContainer().resolve(Modules.PROMOTION)

    beforeEach(async () => {
      const container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      alice = await createShopper(api, fixture.publishableKey)
      // The scheduled job scans only on the minutes that divide by this: keep it out of the way.
      const settings = container.resolve<AftersalesSettingsService>(AftersalesModules.SETTINGS)
      await settings.updateSettings({ delays: { scan_every_minutes: 1440 } })
    })

    /** An order of alice, late to ship, with its proactive ticket. */
    async function lateOrderWithTicket() {
      const order = await placeOrder(api, fixture, alice.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
      })
      const watch = await readUntil(() => watches().retrieveWatchByOrder(order.id), (w) => !!w)
      await watches().updateDelayWatches({ id: watch!.id, ship_by: new Date(Date.now() - HOUR) })
      await runDelayScan(getContainer())
      const [ticket] = await support().listSupportTickets({ order_id: order.id, category: "delay" })
      return { orderId: order.id as string, ticketId: ticket.id as string }
    }
    const choose = (ticketId: string, choice: "wait" | "cancel") =>
      api.post(`/store/support-tickets/${ticketId}/delay-choice`, { choice }, { headers: alice.headers })
    const resolve = (ticketId: string, gesture: unknown = "policy") =>
      api.post(`/admin/support-tickets/${ticketId}/resolve`, { outcome: "apologised", gesture }, { headers: admin.headers })

    describe("one goodwill gesture per delay incident", () => {
      it("wait, then the agent's resolution by policy (and its retry) issues no second gesture and says why", async () => {
        const { orderId, ticketId } = await lateOrderWithTicket()
        const wait = await choose(ticketId, "wait")
        const waitGesture = wait.data.delay_choice.gesture_id
        expect(waitGesture).toMatch(/^gest_/)

        const [first, second] = await Promise.all([resolve(ticketId), resolve(ticketId)])
        const again = await resolve(ticketId, { kind: "fixed", value: 5, currency_code: "eur" })
        for (const res of [first, second, again]) {
          expect(res.status).toEqual(200)
          expect(res.data.gesture_id).toBeNull()
        }
        const answered = [first, second].find((r) => r.data.gesture_skipped_reason)
        expect(answered!.data.gesture_skipped_reason).toEqual(
          `No gesture issued: the delay on ticket ${ticketId} already got gesture ${waitGesture} (one per delay incident)`
        )
        expect(first.data.ticket.status).toEqual("resolved")
        const given = await gestures().listGestures({ order_id: orderId })
        expect(given.map((g: any) => g.id)).toEqual([waitGesture])
      })

      it("the agent's gesture first: the shopper's later wait issues none", async () => {
        const { orderId, ticketId } = await lateOrderWithTicket()
        const resolved = await resolve(ticketId)
        expect(resolved.data.gesture_id).toMatch(/^gest_/)
        const wait = await choose(ticketId, "wait")
        expect(wait.status).toEqual(200)
        expect(wait.data.delay_choice.choice).toEqual("wait")
        const given = await gestures().listGestures({ order_id: orderId })
        expect(given.map((g: any) => g.id)).toEqual([resolved.data.gesture_id])
      })
    })

    describe("a cancelled order takes back its unused gestures", () => {
      it("wait then cancel: the coupon is revoked, its promotion inactive, its code refused, its cost off the budget", async () => {
        // Room in the month for exactly one delay gesture (10% of a 60 EUR order).
        const { data: settings } = await api.get("/admin/aftersales/settings", { headers: admin.headers })
        const policies = settings.settings.gestures.policies.map((p: any) =>
          p.category === "delay" ? { ...p, monthly_budget: { eur: 6 } } : p
        )
        await api.post("/admin/aftersales/settings", { gestures: { policies } }, { headers: admin.headers })

        const { orderId, ticketId } = await lateOrderWithTicket()
        const gestureId = (await choose(ticketId, "wait")).data.delay_choice.gesture_id
        const [gesture] = await gestures().listGestures({ id: gestureId })
        expect(gesture).toEqual(expect.objectContaining({ status: "issued", amount: 6, currency_code: "eur" }))

        const cancel = await choose(ticketId, "cancel")
        expect(cancel.data.delay_choice.order_canceled).toBe(true)

        const [revoked] = await readUntil(
          () => gestures().listGestures({ id: gestureId }),
          (g: any[]) => g[0]?.status === "revoked"
        )
        expect(revoked).toEqual(expect.objectContaining({ status: "revoked", revoked_at: expect.any(Date) }))
        const [promotion] = await promotions().listPromotions({ id: gesture.promotion_id })
        expect(promotion.status).toEqual("inactive")

        // The code no longer takes anything off a cart, and checkout refuses it.
        const items = [{ variant_id: fixture.variants.shirt_s, quantity: 2 }]
        const cartId = await prepareCart(api, fixture, alice.headers, { items })
        const applied = await api
          .post(`/store/carts/${cartId}/promotions`, { promo_codes: [gesture.code] }, { headers: alice.headers })
          .then((r) => r.data.cart, (e: any) => e.response)
        if (applied.status) {
          expect(applied.status).toBeLessThan(500)
        } else {
          expect(applied.discount_total).toEqual(0)
        }

        // The overview's gesture cost and the monthly budget no longer count it: the next late
        // order's wait gets the month's one gesture.
        const { data } = await api.get("/admin/aftersales/overview", { headers: admin.headers })
        expect(data.gestures.cost).toEqual({})
        const listed = await api.get(`/admin/gestures?order_id=${orderId}`, { headers: admin.headers })
        expect(listed.data.gestures.map((g: any) => g.status)).toEqual(["revoked"])
        const next = await lateOrderWithTicket()
        expect((await choose(next.ticketId, "wait")).data.delay_choice.gesture_id).toMatch(/^gest_/)
      })
    })
  },
})
