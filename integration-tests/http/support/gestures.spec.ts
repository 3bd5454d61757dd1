import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { updateShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { AftersalesEvents } from "../../../src/types/events"
import { AftersalesModules } from "../../../src/types/modules"
import { createAdminUser } from "../../helpers/admin"
import { readUntil } from "../../helpers/eventually"
import {
  CommerceFixture,
  completeCart,
  createCommerceFixture,
  placeOrder,
  prepareCart,
} from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"

// Generous: the app boots in this hook, and a loaded machine boots slowly.
jest.setTimeout(600 * 1000)

type Shopper = { headers: Record<string, string>; customerId: string; email: string }

const errorOf = (p: Promise<unknown>) =>
  p.then(
    (r) => {
      throw new Error(`expected an error, got ${JSON.stringify((r as any)?.data)}`)
    },
    (e: any) => e.response
  )

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string>; userId: string }
    let fixture: CommerceFixture
    let alice: Shopper
    let bob: Shopper
    let order: { id: string; total: number }

    const promotions = () => getContainer().resolve(Modules.PROMOTION)
    const gestureRecords = () => getContainer().resolve(AftersalesModules.GESTURES) as any
    const gestureOf = async (id: string) => (await gestureRecords().listGestures({ id }))[0]
    const cartOf = async (cartId: string) => (await api.get(`/store/carts/${cartId}`, { headers: alice.headers })).data.cart
    const gestureList = async (qs: string) =>
      (await api.get(`/admin/gestures?${qs}`, { headers: admin.headers })).data
    const openTicket = async (who: Shopper, category: string, orderId?: string) =>
      (
        await api.post(
          "/store/support-tickets",
          { category, subject: `About ${category}`, body: "Please help", ...(orderId ? { order_id: orderId } : {}) },
          { headers: who.headers }
        )
      ).data.ticket
    const resolve = (ticketId: string, body: Record<string, unknown> = { outcome: "sorted" }, headers = admin.headers) =>
      api.post(`/admin/support-tickets/${ticketId}/resolve`, body, { headers })
    const patchPolicy = async (category: string, patch: Record<string, unknown>) => {
      const { data } = await api.get("/admin/aftersales/settings", { headers: admin.headers })
      const policies = data.settings.gestures.policies.map((p: any) => (p.category === category ? { ...p, ...patch } : p))
      await api.post("/admin/aftersales/settings", { gestures: { policies } }, { headers: admin.headers })
    }

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminUser(container, api)
      fixture = await createCommerceFixture(container)
      alice = await createShopper(api, fixture.publishableKey)
      bob = await createShopper(api, fixture.publishableKey)
      order = await placeOrder(api, fixture, alice.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
      })
    })

    describe("POST /admin/support-tickets/:id/resolve with a gesture", () => {
      it("issues the automatic policy's coupon once, however often it is resolved or the event delivered", async () => {
        const ticket = await openTicket(alice, "wrong_item", order.id)
        const [first, second] = await Promise.all([resolve(ticket.id), resolve(ticket.id)])
        const third = await resolve(ticket.id)
        expect(first.data.gesture_id).toMatch(/^gest_/)
        expect([second.data.gesture_id, third.data.gesture_id]).toEqual([first.data.gesture_id, first.data.gesture_id])
        expect(new Set([first, second, third].map((r) => r.data.resolution_id)).size).toEqual(1)

        const { gestures, count } = await gestureList(`ticket_id=${ticket.id}`)
        expect(count).toEqual(1)
        expect(gestures[0]).toEqual(
          expect.objectContaining({
            id: first.data.gesture_id,
            customer_id: alice.customerId,
            order_id: order.id,
            kind: "percentage",
            value: 15,
            // 15% of the 60 EUR order.
            amount: 9,
            currency_code: "eur",
            status: "issued",
            code: expect.stringMatching(/^GW-[A-Z2-9]{16}$/),
            promotion_id: expect.stringMatching(/^promo_/),
          })
        )
        const [promotion] = await promotions().listPromotions({ code: gestures[0].code }, { relations: ["campaign", "application_method"] })
        expect(promotion).toEqual(expect.objectContaining({ id: gestures[0].promotion_id, limit: 1, status: "active", is_automatic: false }))
        expect(new Date(promotion.campaign!.ends_at!).toISOString()).toEqual(new Date(gestures[0].expires_at).toISOString())
        // The coupon is worth what was booked, not 15% of whatever cart it lands on.
        expect(promotion.application_method).toEqual(expect.objectContaining({ type: "fixed", currency_code: "eur" }))
        expect(Number(promotion.application_method!.value)).toEqual(9)

        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const payload = { id: ticket.id, customer_id: alice.customerId, resolution_id: first.data.resolution_id }
        await eventBus.emit({ name: AftersalesEvents.TICKET_RESOLVED, data: payload })
        await eventBus.emit({ name: AftersalesEvents.TICKET_RESOLVED, data: payload })
        const notifications = getContainer().resolve(Modules.NOTIFICATION)
        const resolvedMails = await readUntil(
          () => notifications.listNotifications({ template: "aftersales.support.resolved", receiver_id: alice.customerId }),
          (n) => n.length > 0
        )
        await new Promise((r) => setTimeout(r, 1000))
        expect(await notifications.listNotifications({ template: "aftersales.support.resolved", receiver_id: alice.customerId })).toHaveLength(1)
        expect(resolvedMails[0].to).toEqual(alice.email)
        expect((await gestureList(`customer_id=${alice.customerId}`)).count).toEqual(1)
        expect(await promotions().listPromotions({ code: gestures[0].code })).toHaveLength(1)

        const issuedMails = await readUntil(
          () => notifications.listNotifications({ template: "aftersales.gestures.issued", receiver_id: alice.customerId }),
          (n) => n.length > 0
        )
        expect(issuedMails).toHaveLength(1)
        expect((issuedMails[0] as any).content?.text ?? JSON.stringify(issuedMails[0].data)).toContain(gestures[0].code)
      })

      it("gives nothing for `none` or a non-automatic policy, and refuses store credit without the plugin", async () => {
        const none = await resolve((await openTicket(alice, "wrong_item", order.id)).id, { outcome: "explained", gesture: "none" })
        expect(none.data.gesture_id).toBeNull()
        // "damaged" is agent-chosen: resolving without a choice gives nothing.
        const manual = await resolve((await openTicket(alice, "damaged", order.id)).id)
        expect(manual.data.gesture_id).toBeNull()

        const t = await openTicket(alice, "refund", order.id)
        const err = await errorOf(resolve(t.id, { outcome: "credited", gesture: { kind: "store_credit", value: 5 } }))
        expect(err.status).toEqual(400)
        expect(err.data).toEqual({ type: "not_allowed", message: expect.stringContaining("@medusajs/loyalty-plugin") })
        const still = (await api.get(`/admin/support-tickets/${t.id}`, { headers: admin.headers })).data.ticket
        expect(still.status).toEqual("open")
        expect(still.resolutions).toEqual([])
        const noPolicy = await errorOf(resolve(t.id, { outcome: "x", gesture: "policy" }))
        expect(noPolicy.status).toEqual(400)
        expect(noPolicy.data).toEqual({ type: "invalid_data", message: "There is no gesture policy for the category refund" })
        expect((await gestureList("")).count).toEqual(0)
      })
    })

    describe("the coupon at checkout", () => {
      it("works for its owner, for nobody else, only once", async () => {
        const ticket = await openTicket(alice, "wrong_item", order.id)
        const { data } = await resolve(ticket.id)
        const code = (await gestureList(`ticket_id=${ticket.id}`)).gestures[0].code
        const items = [{ variant_id: fixture.variants.shirt_s, quantity: 1 }]

        // Bob got the code somehow: core applies it, our check at completion refuses it.
        const bobsCart = await prepareCart(api, fixture, bob.headers, { items, promo_codes: [code] })
        const bobs = await errorOf(completeCart(api, bobsCart, bob.headers))
        expect(bobs.status).toEqual(400)
        expect(bobs.data).toEqual({ type: "not_allowed", message: `The code ${code} is a personal goodwill coupon and belongs to another customer` })
        // A guest cannot either.
        const guestHeaders = { "x-publishable-api-key": fixture.publishableKey }
        const guestCart = await prepareCart(api, fixture, guestHeaders, { items, promo_codes: [code] })
        const guest = await errorOf(completeCart(api, guestCart, guestHeaders))
        expect(guest.status).toEqual(400)
        expect(guest.data.type).toEqual("not_allowed")

        // Alice prepares two carts with it; the first completes with the 9 EUR booked off.
        const cart1 = await prepareCart(api, fixture, alice.headers, { items, promo_codes: [code] })
        const cart2 = await prepareCart(api, fixture, alice.headers, { items, promo_codes: [code] })
        const placed = await completeCart(api, cart1, alice.headers)
        expect(placed.type).toEqual("order")
        expect(placed.order.discount_total).toEqual(9)
        expect(placed.order.total).toEqual(51)
        const twice = await completeCart(api, cart2, alice.headers).catch((e: any) => e.response.data)
        expect(twice.type).not.toEqual("order")
        expect(twice.message ?? twice.error?.message).toMatch(/limit|redeemed|exceed/i)

        const redeemed = await readUntil(
          () => gestureList(`ticket_id=${ticket.id}`),
          (l) => l.gestures[0].status === "redeemed"
        )
        expect(redeemed.gestures[0]).toEqual(
          expect.objectContaining({ id: data.gesture_id, status: "redeemed", redeemed_order_id: placed.order.id, redeemed_at: expect.any(String) })
        )
        // The storefront retries the first completion (a double click, a replayed request):
        // Medusa answers with the order already placed; the coupon being used up is no reason
        // to refuse that.
        const retried = await completeCart(api, cart1, alice.headers).catch((e: any) => e.response.data)
        expect(retried.type).toEqual("order")
        expect(retried.order.id).toEqual(placed.order.id)
        // A third cart: core no longer applies the used-up code.
        const cart3 = await prepareCart(api, fixture, alice.headers, { items, promo_codes: [code] })
        const { data: c3 } = await api.get(`/store/carts/${cart3}`, { headers: alice.headers })
        expect(c3.cart.discount_total).toEqual(0)
      })

      it("stops working when the gesture expires, even when applied before", async () => {
        const ticket = await openTicket(alice, "wrong_item", order.id)
        await resolve(ticket.id)
        const gesture = (await gestureList(`ticket_id=${ticket.id}`)).gestures[0]
        const items = [{ variant_id: fixture.variants.mug_white, quantity: 1 }]
        const applied = await prepareCart(api, fixture, alice.headers, { items, promo_codes: [gesture.code] })
        expect((await api.get(`/store/carts/${applied}`, { headers: alice.headers })).data.cart.discount_total).toEqual(9)

        const past = new Date(Date.now() - 60 * 1000)
        const [promotion] = await promotions().listPromotions({ id: gesture.promotion_id }, { relations: ["campaign"] })
        await promotions().updateCampaigns({ id: promotion.campaign!.id, starts_at: new Date(Date.now() - 3600e3), ends_at: past })
        await (getContainer().resolve(AftersalesModules.GESTURES) as any).updateGestures({ id: gesture.id, expires_at: past })

        const late = await errorOf(completeCart(api, applied, alice.headers))
        expect(late.status).toEqual(400)
        expect(late.data).toEqual({ type: "not_allowed", message: expect.stringContaining(`The code ${gesture.code} expired`) })
        const fresh = await prepareCart(api, fixture, alice.headers, { items, promo_codes: [gesture.code] })
        expect((await api.get(`/store/carts/${fresh}`, { headers: alice.headers })).data.cart.discount_total).toEqual(0)
      })
    })

    describe("caps, budget and compensation", () => {
      it("refuses the gesture over the per-customer cap with the reason, issuing nothing", async () => {
        await patchPolicy("wrong_item", { max_per_customer_90d: 1 })
        const t1 = await openTicket(alice, "wrong_item", order.id)
        const t2 = await openTicket(alice, "wrong_item", order.id)
        const before = (await promotions().listPromotions()).length
        // Two resolutions at once: the per-customer lock lets only one pass the cap.
        const results = await Promise.allSettled([resolve(t1.id), resolve(t2.id)])
        const ok = results.filter((r) => r.status === "fulfilled")
        const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
        expect(ok).toHaveLength(1)
        expect(refused).toHaveLength(1)
        expect(refused[0].reason.response.status).toEqual(400)
        expect(refused[0].reason.response.data).toEqual({
          type: "not_allowed",
          message: `Customer ${alice.customerId} already received 1 gesture(s) in the last 90 days; the wrong_item policy allows 1`,
        })
        expect((await gestureList(`customer_id=${alice.customerId}`)).count).toEqual(1)
        expect((await promotions().listPromotions()).length).toEqual(before + 1)
        const statuses = await Promise.all(
          [t1, t2].map(async (t) => (await api.get(`/admin/support-tickets/${t.id}`, { headers: admin.headers })).data.ticket.status)
        )
        expect(statuses.sort()).toEqual(["open", "resolved"])
        // The agent can still resolve without a gesture.
        const refusedId = statuses[0] === "open" ? t1.id : t2.id
        const plain = await resolve(refusedId, { outcome: "sorted", gesture: "none" })
        expect(plain.data.ticket.status).toEqual("resolved")
      })

      it("refuses a gesture over the monthly budget or the order share", async () => {
        await patchPolicy("wrong_item", { monthly_budget: { eur: 5 } })
        const t = await openTicket(alice, "wrong_item", order.id)
        const err = await errorOf(resolve(t.id))
        expect(err.status).toEqual(400)
        expect(err.data).toEqual({ type: "not_allowed", message: expect.stringContaining("monthly gesture budget for eur would be exceeded") })
        const share = await errorOf(resolve(t.id, { outcome: "x", gesture: { kind: "fixed", value: 30, currency_code: "eur" } }))
        expect(share.status).toEqual(400)
        expect(share.data.message).toMatch(/budget|of the order total/)
        expect((await gestureList("")).count).toEqual(0)
      })

      it("leaves no promotion and no record when issuing fails half-way", async () => {
        const t = await openTicket(alice, "wrong_item", order.id)
        const gestures = getContainer().resolve(AftersalesModules.GESTURES) as any
        const before = (await promotions().listPromotions()).length
        // Fault injection: the write after the promotion's creation fails once.
        const spy = jest.spyOn(gestures, "updateGestures").mockRejectedValueOnce(new Error("disk full"))
        const err = await errorOf(resolve(t.id))
        spy.mockRestore()
        expect(err.status).toBeGreaterThanOrEqual(400)
        expect((await promotions().listPromotions()).length).toEqual(before)
        expect((await gestureList("")).count).toEqual(0)
        const ticket = (await api.get(`/admin/support-tickets/${t.id}`, { headers: admin.headers })).data.ticket
        expect(ticket.status).toEqual("open")
        expect(ticket.resolutions).toEqual([])
        // And the next attempt works and issues exactly one.
        const ok = await resolve(t.id)
        expect(ok.data.gesture_id).toMatch(/^gest_/)
        expect((await promotions().listPromotions()).length).toEqual(before + 1)
      })
    })

    describe("currencies the store sells in", () => {
      it("refuses a gesture in a currency the store does not sell in, and issues one in a region's currency", async () => {
        const t = await openTicket(alice, "damaged")
        for (const currency_code of ["zzz", "usd"]) {
          const err = await errorOf(resolve(t.id, { outcome: "sorry", gesture: { kind: "fixed", value: 5, currency_code } }))
          expect(err.status).toEqual(400)
          expect(err.data).toEqual({
            type: "invalid_data",
            message: expect.stringContaining(`The store does not sell in ${currency_code}`),
          })
        }
        const still = (await api.get(`/admin/support-tickets/${t.id}`, { headers: admin.headers })).data.ticket
        expect(still.status).toEqual("open")
        expect((await gestureList("")).count).toEqual(0)
        expect(await promotions().listPromotions()).toHaveLength(0)

        // TRY is the Turkish region's currency: sold, so a gesture in it is issued.
        const ok = await resolve(t.id, { outcome: "sorry", gesture: { kind: "fixed", value: 5, currency_code: "try" } })
        const { gestures } = await gestureList(`ticket_id=${t.id}`)
        expect(gestures).toEqual([expect.objectContaining({ id: ok.data.gesture_id, currency_code: "try", amount: 5, status: "issued" })])
      })

      it("refuses a gesture policy, budget or threshold in a currency the store does not sell in", async () => {
        const { data: before } = await api.get("/admin/aftersales/settings", { headers: admin.headers })
        const withDamaged = (patch: Record<string, unknown>) => ({
          gestures: {
            policies: before.settings.gestures.policies.map((p: any) => (p.category === "damaged" ? { ...p, ...patch } : p)),
          },
        })
        for (const [patch, currency] of [
          [{ currency_code: "zzz" }, "zzz"],
          [{ monthly_budget: { eur: 1000, zzz: 5 } }, "zzz"],
          [{ approval_above: { eur: 50, usd: 5 } }, "usd"],
        ] as const) {
          const err = await errorOf(api.post("/admin/aftersales/settings", withDamaged(patch), { headers: admin.headers }))
          expect(err.status).toEqual(400)
          expect(err.data).toEqual({
            type: "invalid_data",
            message: expect.stringMatching(new RegExp(`gestures\\.policies.*damaged.*${currency}`)),
          })
        }
        const { data: after } = await api.get("/admin/aftersales/settings", { headers: admin.headers })
        expect(after.settings.gestures).toEqual(before.settings.gestures)
        // The store's and the regions' currencies are accepted.
        const ok = await api.post("/admin/aftersales/settings", withDamaged({ currency_code: "try", monthly_budget: { eur: 10, try: 500 } }), { headers: admin.headers })
        expect(ok.data.settings.gestures.policies.find((p: any) => p.category === "damaged")).toEqual(
          expect.objectContaining({ currency_code: "try", monthly_budget: { eur: 10, try: 500 } })
        )
      })
    })

    describe("the monthly budget under concurrency", () => {
      it("issues exactly one gesture when three customers' tickets are resolved at once with room for one", async () => {
        const carol = await createShopper(api, fixture.publishableKey)
        const shoppers = [alice, bob, carol]
        let spent = 0
        // The race is run several times: a read-then-write budget passes it now and then.
        for (let round = 0; round < 5; round++) {
          // Room for one 10 EUR gesture (and a half): the second would overspend.
          await patchPolicy("damaged", { monthly_budget: { eur: spent + 15 }, max_per_customer_90d: 100 })
          const tickets = await Promise.all(shoppers.map((who) => openTicket(who, "damaged")))
          const results = await Promise.allSettled(tickets.map((t) => resolve(t.id, { outcome: "sorry", gesture: "policy" })))
          const ok = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<any>[]
          const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
          expect(ok).toHaveLength(1)
          expect(ok[0].value.data.gesture_id).toMatch(/^gest_/)
          expect(refused.map((r) => r.reason.response.status)).toEqual([400, 400])
          for (const r of refused) {
            expect(r.reason.response.data).toEqual({
              type: "not_allowed",
              message: `The monthly gesture budget for eur would be exceeded: ${spent + 10} of ${spent + 15} spent, this gesture costs 10`,
            })
          }
          spent += 10
          const { gestures } = await gestureList("limit=100")
          const total = gestures.filter((g: any) => g.currency_code === "eur").reduce((sum: number, g: any) => sum + g.amount, 0)
          expect(total).toEqual(spent)
        }
      })
    })

    describe("POST /admin/gestures/:id/approve", () => {
      it("holds a gesture above the threshold until a second admin approves it", async () => {
        await patchPolicy("damaged", { approval_above: { eur: 5 } })
        const t = await openTicket(alice, "damaged", order.id)
        const { data } = await resolve(t.id, { outcome: "refund partly", gesture: "policy" })
        let gesture = (await gestureList(`ticket_id=${t.id}`)).gestures[0]
        expect(gesture).toEqual(expect.objectContaining({ id: data.gesture_id, status: "pending_approval", kind: "fixed", amount: 10, promotion_id: null, requested_by: admin.userId }))
        expect(await promotions().listPromotions({ code: gesture.code })).toHaveLength(0)
        const shopperView = (await api.get("/store/gestures", { headers: alice.headers })).data.gestures
        expect(shopperView).toEqual([expect.objectContaining({ id: gesture.id, status: "pending_approval", code: null })])

        const self = await errorOf(api.post(`/admin/gestures/${gesture.id}/approve`, {}, { headers: admin.headers }))
        expect(self.status).toEqual(400)
        expect(self.data).toEqual({ type: "not_allowed", message: expect.stringContaining("other than the one who asked") })

        const second = await createAdminUser(getContainer(), api)
        const [a, b] = await Promise.allSettled([
          api.post(`/admin/gestures/${gesture.id}/approve`, {}, { headers: second.headers }),
          api.post(`/admin/gestures/${gesture.id}/approve`, {}, { headers: second.headers }),
        ])
        const fulfilled = [a, b].filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<any>[]
        const rejected = [a, b].filter((r) => r.status === "rejected") as PromiseRejectedResult[]
        expect(fulfilled).toHaveLength(1)
        expect(rejected[0].reason.response.status).toEqual(400)
        expect(rejected[0].reason.response.data).toEqual({ type: "not_allowed", message: `Gesture ${gesture.id} is issued, not waiting for approval` })
        gesture = fulfilled[0].value.data.gesture
        expect(gesture).toEqual(expect.objectContaining({ status: "issued", approved_by: second.userId, promotion_id: expect.stringMatching(/^promo_/) }))
        const [promotion] = await promotions().listPromotions({ code: gesture.code }, { relations: ["application_method"] })
        expect(promotion.application_method).toEqual(expect.objectContaining({ type: "fixed", currency_code: "eur" }))
        expect(Number(promotion.application_method!.value)).toEqual(10)
        const bad = await errorOf(api.post(`/admin/gestures/${gesture.id}/approve`, { note: 1 }, { headers: second.headers }))
        expect(bad.status).toEqual(400)
        const missing = await errorOf(api.post(`/admin/gestures/gest_nope/approve`, {}, { headers: second.headers }))
        expect(missing.status).toEqual(404)
      })
    })

    describe("GET /store/gestures and GET /admin/gestures", () => {
      it("shows shoppers their own gestures only and filters for admins", async () => {
        await resolve((await openTicket(alice, "wrong_item", order.id)).id)
        const mine = await api.get("/store/gestures", { headers: alice.headers })
        expect(mine.data).toEqual(expect.objectContaining({ count: 1, offset: 0, limit: 20 }))
        expect(mine.data.gestures[0]).toEqual(expect.objectContaining({ kind: "percentage", value: 15, status: "issued", code: expect.stringMatching(/^GW-/), order_id: order.id }))
        expect(mine.data.gestures[0]).not.toHaveProperty("amount")
        const bobs = await api.get("/store/gestures", { headers: bob.headers })
        expect(bobs.data).toEqual(expect.objectContaining({ count: 0, gestures: [] }))
        expect((await gestureList(`order_id=${order.id}`)).count).toEqual(1)
        expect((await gestureList(`order_id=order_other`)).count).toEqual(0)
        expect((await gestureList("status=redeemed")).count).toEqual(0)
        for (const qs of ["limit=-5", "offset=-1", "status=lost", "kind=cash"]) {
          const err = await errorOf(api.get(`/admin/gestures?${qs}`, { headers: admin.headers }))
          expect(err.status).toEqual(400)
          expect(err.data.type).toEqual("invalid_data")
          const store = await errorOf(api.get(`/store/gestures?${qs}`, { headers: alice.headers }))
          expect(store.status).toEqual(400)
        }
      })
    })

    describe("points gestures", () => {
      it("credit the points through the loyalty ledger when the module is registered", async () => {
        const container = getContainer()
        const t = await openTicket(alice, "other", order.id)
        if (!container.hasRegistration("loyalty_points")) {
          const err = await errorOf(resolve(t.id, { outcome: "sorry", gesture: "policy" }))
          expect(err.status).toEqual(400)
          expect(err.data.message).toContain("loyalty points module")
          return
        }
        const balanceBefore = (await api.get("/store/loyalty", { headers: alice.headers })).data.loyalty.balance
        const { data } = await resolve(t.id, { outcome: "sorry", gesture: "policy" })
        const gesture = (await gestureList(`ticket_id=${t.id}`)).gestures[0]
        expect(gesture).toEqual(expect.objectContaining({ id: data.gesture_id, kind: "points", value: 200, status: "issued", code: null }))
        const account = await api.get("/store/loyalty", { headers: alice.headers })
        expect(account.data.loyalty.balance).toEqual(balanceBefore + 200)
      })
    })

    // Issue #13, item 1: a coupon takes no more off any cart than what it was booked at (what
    // the budget, the approval threshold and the share cap counted); item 8: revocation.
    describe("a percentage gesture", () => {
      it("is a fixed coupon of the booked amount: 15% of a 60 EUR order takes 9 EUR off a 500 EUR cart", async () => {
        const ticket = await openTicket(alice, "wrong_item", order.id)
        const { data } = await resolve(ticket.id)
        const gesture = await gestureOf(data.gesture_id)
        expect(gesture).toEqual(expect.objectContaining({ kind: "percentage", value: 15, amount: 9, currency_code: "eur" }))

        const items = [{ variant_id: fixture.variants.shirt_s, quantity: 10 }]
        const plain = await cartOf(await prepareCart(api, fixture, alice.headers, { items }))
        const cartId = await prepareCart(api, fixture, alice.headers, { items, promo_codes: [gesture.code] })
        const cart = await cartOf(cartId)
        expect(cart.discount_total).toEqual(9)
        expect(plain.total - cart.total).toEqual(9)
        const placed = await completeCart(api, cartId, alice.headers)
        expect(placed.order.discount_total).toEqual(9)
        expect(placed.order.total).toEqual(501)

        const [promotion] = await promotions().listPromotions({ id: gesture.promotion_id }, { relations: ["application_method"] })
        expect(promotion.application_method).toEqual(
          expect.objectContaining({ type: "fixed", target_type: "order", allocation: "across", currency_code: "eur" })
        )
        expect(Number(promotion.application_method!.value)).toEqual(9)
      })

      it("is refused on a ticket without an order, as is free shipping, and nothing is booked", async () => {
        const ticket = await openTicket(alice, "wrong_item")
        const policy = await errorOf(resolve(ticket.id))
        expect(policy.status).toEqual(400)
        expect(policy.data).toEqual({
          type: "invalid_data",
          message: `A percentage gesture is priced on the ticket's order and ticket ${ticket.id} has none: choose a fixed amount instead`,
        })
        const all = await errorOf(resolve(ticket.id, { outcome: "x", gesture: { kind: "percentage", value: 100, currency_code: "eur" } }))
        expect(all.status).toEqual(400)
        const shipping = await errorOf(resolve(ticket.id, { outcome: "x", gesture: { kind: "free_shipping", value: 1, currency_code: "eur" } }))
        expect(shipping.status).toEqual(400)
        expect(shipping.data.message).toContain("A free_shipping gesture is priced on the ticket's order")
        expect(await gestureRecords().listGestures({})).toEqual([])
        expect(await promotions().listPromotions()).toEqual([])
        // A fixed amount is fine without an order.
        const fixed = await resolve(ticket.id, { outcome: "x", gesture: { kind: "fixed", value: 5, currency_code: "eur" } })
        expect(fixed.data.gesture_id).toMatch(/^gest_/)
      })

      it("is held for approval on its booked amount and approved as a fixed coupon of that amount", async () => {
        // 15% of 60 = 9 EUR is above a 5 EUR threshold.
        await patchPolicy("wrong_item", { approval_above: { eur: 5 } })
        const ticket = await openTicket(alice, "wrong_item", order.id)
        const { data } = await resolve(ticket.id)
        expect(await gestureOf(data.gesture_id)).toEqual(expect.objectContaining({ status: "pending_approval", amount: 9 }))
        const second = await createAdminUser(getContainer(), api)
        await api.post(`/admin/gestures/${data.gesture_id}/approve`, {}, { headers: second.headers })
        const gesture = await gestureOf(data.gesture_id)
        expect(gesture.status).toEqual("issued")
        const [promotion] = await promotions().listPromotions({ id: gesture.promotion_id }, { relations: ["application_method"] })
        expect(promotion.application_method).toEqual(expect.objectContaining({ type: "fixed", currency_code: "eur" }))
        expect(Number(promotion.application_method!.value)).toEqual(9)
      })
    })

    describe("a free shipping gesture", () => {
      it("takes off at most the old order's shipping, in its currency, even when shipping costs more later", async () => {
        const ticket = await openTicket(alice, "damaged", order.id)
        const { data } = await resolve(ticket.id, { outcome: "x", gesture: { kind: "free_shipping", value: 1 } })
        const gesture = await gestureOf(data.gesture_id)
        expect(gesture).toEqual(expect.objectContaining({ kind: "free_shipping", amount: 10, value: 10, currency_code: "eur" }))

        await updateShippingOptionsWorkflow(getContainer()).run({
          input: [
            {
              id: fixture.shippingOptionId,
              prices: [
                { currency_code: "eur", amount: 40 },
                { currency_code: "try", amount: 1200 },
              ],
            },
          ],
        })
        const items = [{ variant_id: fixture.variants.mug_white, quantity: 1 }]
        const plain = await cartOf(await prepareCart(api, fixture, alice.headers, { items }))
        expect(plain.shipping_total).toEqual(40)
        // The code goes on once the cart has its shipping method, as a storefront does.
        const withCode = async (region: "eu" | "tr") => {
          const cartId = await prepareCart(api, fixture, alice.headers, { items, region })
          return api
            .post(`/store/carts/${cartId}/promotions`, { promo_codes: [gesture.code] }, { headers: alice.headers })
            .then((r) => r.data.cart)
        }
        const cart = await withCode("eu")
        expect(cart.shipping_total).toEqual(30)
        expect(plain.total - cart.total).toEqual(10)
        // Not in another currency.
        const tr = await withCode("tr")
        expect(tr.discount_total).toEqual(0)
      })
    })

    describe("order.canceled", () => {
      it("revokes an unused coupon and a gesture waiting for approval, keeps a redeemed one, once", async () => {
        await patchPolicy("wrong_item", { max_per_customer_90d: 10 })
        const unused = (await resolve((await openTicket(alice, "wrong_item", order.id)).id)).data.gesture_id
        const redeemed = (await resolve((await openTicket(alice, "wrong_item", order.id)).id)).data.gesture_id
        await patchPolicy("wrong_item", { approval_above: { eur: 5 } })
        const pending = (await resolve((await openTicket(alice, "wrong_item", order.id)).id)).data.gesture_id
        expect((await gestureOf(pending)).status).toEqual("pending_approval")

        const code = (await gestureOf(redeemed)).code
        const used = await completeCart(
          api,
          await prepareCart(api, fixture, alice.headers, { items: [{ variant_id: fixture.variants.mug_white, quantity: 1 }], promo_codes: [code] }),
          alice.headers
        )
        expect(used.order.discount_total).toEqual(9)
        await readUntil(() => gestureOf(redeemed), (g: any) => g.status === "redeemed")

        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: admin.headers })
        await readUntil(() => gestureOf(unused), (g: any) => g.status === "revoked")
        expect((await gestureOf(pending)).status).toEqual("revoked")
        expect((await gestureOf(redeemed)).status).toEqual("redeemed")
        const unusedPromotion = (await promotions().listPromotions({ id: (await gestureOf(unused)).promotion_id }))[0]
        expect(unusedPromotion.status).toEqual("inactive")
        const redeemedPromotion = (await promotions().listPromotions({ id: (await gestureOf(redeemed)).promotion_id }))[0]
        expect(redeemedPromotion.status).toEqual("active")

        // The pending one can no longer be approved.
        const approve = await errorOf(api.post(`/admin/gestures/${pending}/approve`, {}, { headers: admin.headers }))
        expect(approve.status).toBeGreaterThanOrEqual(400)
        expect(approve.status).toBeLessThan(500)

        // A cart that applied the code before is refused at checkout.
        const revokedCode = (await gestureOf(unused)).code
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        await eventBus.emit({ name: "order.canceled", data: { id: order.id } })
        const statuses = (await gestureRecords().listGestures({ order_id: order.id })).map((g: any) => g.status).sort()
        expect(statuses).toEqual(["redeemed", "revoked", "revoked"])
        const items = [{ variant_id: fixture.variants.shirt_s, quantity: 1 }]
        const cart = await cartOf(await prepareCart(api, fixture, alice.headers, { items, promo_codes: [revokedCode] }).catch(async () =>
          prepareCart(api, fixture, alice.headers, { items })
        ))
        expect(cart.discount_total).toEqual(0)
      })
    })
  },
})
