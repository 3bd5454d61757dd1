import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { createAdminUser } from "../../helpers/admin"
import { eventually } from "../../helpers/eventually"
import {
  addPaymentSession,
  CommerceFixture,
  completeCart,
  createCommerceFixture,
  placeOrder,
  prepareCart,
} from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"
import LoyaltyPointsService from "../../../src/modules/loyalty_points/service"
import { AftersalesModules } from "../../../src/types/modules"
import { earnOrderPointsWorkflow } from "../../../src/workflows/loyalty"

jest.setTimeout(180 * 1000)

const DAY = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }
    let service: LoyaltyPointsService

    beforeEach(async () => {
      container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      service = container.resolve(AftersalesModules.LOYALTY_POINTS)
    })

    /** A registered shopper with the signup bonus (100) credited, plus `extra` from an admin. */
    async function shopperWithPoints(extra: number) {
      const shopper = await createShopper(api, fixture.publishableKey)
      await eventually(async () => {
        expect((await service.getAccountSummary(shopper.customerId)).balance).toEqual(100)
      })
      if (extra) {
        await api.post(
          `/admin/customers/${shopper.customerId}/loyalty/adjustments`,
          { points: extra, reason: "test credit" },
          { headers: admin.headers }
        )
      }
      return shopper
    }

    /** Balance = sum of the ledger, every available point in one lot, never below zero. */
    async function expectLedgerConsistent(customerId: string) {
      const summary = await service.getAccountSummary(customerId)
      const sums = await service.sumLedger(customerId)
      expect({ balance: summary.balance, pending: summary.pending }).toEqual({
        balance: sums.balance,
        pending: sums.pending,
      })
      expect(sums.lots_remaining).toEqual(sums.balance)
      expect(summary.balance).toBeGreaterThanOrEqual(0)
      return summary
    }

    /** Moves every lot of a customer that still runs to `when` (time passing, in the DB). */
    async function ageLots(customerId: string, when: Date) {
      const lots = await service.listLoyaltyTransactions({ customer_id: customerId })
      const running = lots.filter((l) => l.expires_at)
      await service.updateLoyaltyTransactions(running.map((l) => ({ id: l.id, expires_at: when })))
    }

    /** The customer core put on an order (the Store API's order answer leaves it out). */
    async function customerOf(orderId: string) {
      const {
        data: [order],
      } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["customer_id", "customer.has_account"],
        filters: { id: orderId },
      })
      return order as { customer_id: string; customer: { has_account: boolean } }
    }

    async function runJob(name: string) {
      const { data } = await api.post(`/admin/aftersales/jobs/${name}/run`, {}, { headers: admin.headers })
      return data.result
    }

    /** Checks out 2 shirts (100 EUR), paying `points` of it with points. */
    async function checkoutWithPoints(shopper: { headers: Record<string, string> }, points: number) {
      const cartId = await prepareCart(api, fixture, shopper.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
      })
      await api.post(`/store/carts/${cartId}/loyalty-points`, { points }, { headers: shopper.headers })
      await addPaymentSession(api, cartId, shopper.headers)
      const result = await completeCart(api, cartId, shopper.headers)
      expect(result.type).toEqual("order")
      // The order's points are earned by the order.placed subscriber, after the answer (in the
      // production topology, in another process): wait for its entry, so the ledger checks
      // that follow never read the account and the ledger on either side of it.
      await eventually(async () => {
        expect(await service.listLoyaltyTransactions({ order_id: result.order.id, type: "earn" })).toHaveLength(1)
      })
      return { order: result.order, cartId }
    }

    describe("refunds after expiry (issue #12, item 3)", () => {
      it("a cancellation refunding points of an expired lot makes a new lot and the next expiry run succeeds for all", async () => {
        const a = await shopperWithPoints(400)
        const { order } = await checkoutWithPoints(a, 300)
        // A year goes by: A's lots (200 left of them) expire, and the nightly job takes them.
        await ageLots(a.customerId, new Date(Date.now() - DAY))
        expect(await runJob("points-expiry")).toEqual(
          expect.objectContaining({ expired_entries: 1, expired_points: 200, failed: 0 })
        )
        expect((await expectLedgerConsistent(a.customerId)).balance).toEqual(0)
        // B's points expire in the next run.
        const b = await shopperWithPoints(0)
        await ageLots(b.customerId, new Date(Date.now() - DAY))

        const before = Date.now()
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: admin.headers })
        const refund = await eventually(async () => {
          const [entry] = await service.listLoyaltyTransactions({ customer_id: a.customerId, type: "refund" })
          expect(entry).toBeDefined()
          return entry
        })
        // The 300 points come back in a lot of their own, expiring no sooner than 30 days on.
        expect(refund).toEqual(expect.objectContaining({ points: 300, remaining: 300, order_id: order.id }))
        expect(new Date(refund.expires_at as Date).getTime()).toBeGreaterThanOrEqual(before + 30 * DAY)
        // The expired lots stay expired.
        const lots = await service.listLoyaltyTransactions({
          customer_id: a.customerId,
          type: ["bonus", "adjust"],
        })
        expect(lots.map((l) => l.remaining)).toEqual([0, 0])

        const next = await runJob("points-expiry")
        expect(next).toEqual(
          expect.objectContaining({ expired_entries: 1, expired_points: 100, customers: 1, failed: 0 })
        )
        expect((await expectLedgerConsistent(b.customerId)).balance).toEqual(0)
        const summary = await expectLedgerConsistent(a.customerId)
        expect({ balance: summary.balance, pending: summary.pending }).toEqual({ balance: 300, pending: 0 })
        expect(summary.next_expiry).toEqual({ points: 300, expires_at: expect.anything() })
      })
    })

    describe("job isolation", () => {
      it("one account that cannot be processed is skipped and counted; the others go on; the next run retries it", async () => {
        const a = await shopperWithPoints(0)
        const b = await shopperWithPoints(0)
        await ageLots(a.customerId, new Date(Date.now() - DAY))
        await ageLots(b.customerId, new Date(Date.now() - DAY))
        for (const c of [a, b]) {
          await service.earnPoints({
            customer_id: c.customerId,
            order_id: `order_${c.customerId}`,
            points: 30,
            amount: 30,
            currency_code: "eur",
            rate: 1,
            multiplier: 1,
            available_at: new Date(Date.now() - DAY),
            expires_at: new Date(Date.now() + 300 * DAY),
            idempotency_key: `earn:order_${c.customerId}`,
            lines: {},
          })
        }
        const { account_id: broken } = await service.getAccountSummary(a.customerId)
        // A real failure for one account: its row refuses every update.
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pg.raw(`create or replace function test_refuse_account() returns trigger as $$
          begin raise exception 'account % is broken', old.id; end $$ language plpgsql`)
        await pg.raw(
          `create trigger test_refuse_account before update on loyalty_points_account
             for each row when (old.id = '${broken}') execute function test_refuse_account()`
        )
        try {
          expect(await runJob("points-expiry")).toEqual(
            expect.objectContaining({ expired_entries: 1, expired_points: 100, customers: 1, failed: 1 })
          )
          expect(await runJob("points-unlock")).toEqual(
            expect.objectContaining({ entries: 1, accounts: 1, points: 30, failed: 1 })
          )
          const stuck = await expectLedgerConsistent(a.customerId)
          expect({ balance: stuck.balance, pending: stuck.pending }).toEqual({ balance: 100, pending: 30 })
          const done = await expectLedgerConsistent(b.customerId)
          expect({ balance: done.balance, pending: done.pending }).toEqual({ balance: 30, pending: 0 })
        } finally {
          await pg.raw("drop trigger if exists test_refuse_account on loyalty_points_account")
        }

        // Fixed: the next runs process it, and only it.
        expect(await runJob("points-expiry")).toEqual(
          expect.objectContaining({ expired_entries: 1, expired_points: 100, customers: 1, failed: 0 })
        )
        expect(await runJob("points-unlock")).toEqual(
          expect.objectContaining({ entries: 1, accounts: 1, points: 30, failed: 0 })
        )
        for (const c of [a, b]) {
          const s = await expectLedgerConsistent(c.customerId)
          expect({ balance: s.balance, pending: s.pending }).toEqual({ balance: 30, pending: 0 })
        }
      })
    })

    describe("guests (issue #12, item 4)", () => {
      it("a guest checkout earns nothing and gets no points email; a registered shopper's checkout earns", async () => {
        const guestEmail = `guest-${Date.now()}@example.com`
        const guestOrder = await placeOrder(api, fixture, { "x-publishable-api-key": fixture.publishableKey }, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
          email: guestEmail,
        })
        const placedBy = await customerOf(guestOrder.id)
        expect(placedBy).toEqual({
          customer_id: expect.stringMatching(/^cus_/),
          customer: expect.objectContaining({ has_account: false }),
        })
        const guest = { id: placedBy.customer_id }

        const shopper = await shopperWithPoints(0)
        const registeredOrder = await placeOrder(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
        })
        await eventually(async () => {
          const [earn] = await service.listLoyaltyTransactions({ order_id: registeredOrder.id, type: "earn" })
          expect(earn).toEqual(expect.objectContaining({ points: 100, customer_id: shopper.customerId }))
        })
        // Whatever delivers the guest's order.placed again earns nothing either.
        const { result } = await earnOrderPointsWorkflow(container).run({ input: { order_id: guestOrder.id } })
        expect(result).toBeNull()
        expect(await service.listLoyaltyTransactions({ customer_id: guest.id })).toEqual([])
        expect(await service.getAccountSummary(guest.id)).toEqual(
          expect.objectContaining({ balance: 0, pending: 0 })
        )
        const sent = await container
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ receiver_id: guest.id, template: "aftersales.loyalty.points_earned" })
        expect(sent).toEqual([])

        // An admin cannot credit a guest either.
        const refused = await api
          .post(`/admin/customers/${guest.id}/loyalty/adjustments`, { points: 50, reason: "goodwill" }, { headers: admin.headers })
          .catch((e: any) => e.response)
        expect(refused.status).toEqual(400)
        expect(refused.data).toEqual({ type: "not_allowed", message: expect.stringContaining(guest.id) })
        expect((await service.getAccountSummary(guest.id)).balance).toEqual(0)

        // Nor can a points gesture on a ticket about the guest's order.
        const ticket = (
          await api.post(
            "/admin/support-tickets",
            { customer_id: guest.id, order_id: guestOrder.id, category: "other", subject: "Called about the order" },
            { headers: admin.headers }
          )
        ).data.ticket
        const gesture = await api
          .post(
            `/admin/support-tickets/${ticket.id}/resolve`,
            { outcome: "sorry", gesture: { kind: "points", value: 200 } },
            { headers: admin.headers }
          )
          .catch((e: any) => e.response)
        expect(gesture.status).toEqual(400)
        expect(gesture.data).toEqual({ type: "not_allowed", message: expect.stringContaining(guest.id) })
        expect((await service.getAccountSummary(guest.id)).balance).toEqual(0)
      })

      it("a guest who registers later starts a new account: the guest order earns nothing, the next order does", async () => {
        const email = `later-${Date.now()}@example.com`
        const guestOrder = await placeOrder(api, fixture, { "x-publishable-api-key": fixture.publishableKey }, {
          items: [{ variant_id: fixture.variants.mug_white, quantity: 1 }],
          email,
        })
        const shopper = await createShopper(api, fixture.publishableKey, email)
        // Core makes a new customer with the account; the guest customer stays a guest.
        const guest = await customerOf(guestOrder.id)
        expect(guest.customer.has_account).toBe(false)
        expect(shopper.customerId).not.toEqual(guest.customer_id)
        await eventually(async () => {
          expect((await service.getAccountSummary(shopper.customerId)).balance).toEqual(100)
        })
        const order = await placeOrder(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.mug_white, quantity: 1 }],
        })
        await eventually(async () => {
          expect((await service.getAccountSummary(shopper.customerId)).pending).toEqual(20)
        })
        const ledger = await service.listLoyaltyTransactions({ customer_id: shopper.customerId })
        expect(ledger.map((t) => [t.type, t.order_id]).sort()).toEqual([
          ["bonus", null],
          ["earn", order.id],
        ])
        expect(await service.listLoyaltyTransactions({ order_id: guestOrder.id })).toEqual([])
        expect(await service.listLoyaltyTransactions({ customer_id: guest.customer_id })).toEqual([])
        await expectLedgerConsistent(shopper.customerId)
      })
    })

    describe("GET /store/loyalty/transactions", () => {
      it("a redeem entry names the order it paid for as soon as the completion answers", async () => {
        const shopper = await shopperWithPoints(400)
        const cartId = await prepareCart(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
        })
        await api.post(`/store/carts/${cartId}/loyalty-points`, { points: 300 }, { headers: shopper.headers })
        await addPaymentSession(api, cartId, shopper.headers)
        const { order } = await completeCart(api, cartId, shopper.headers)
        // Named in the completion itself (core's orderCreated hook), not later by a subscriber:
        // read at once, with no waiting.
        const redeems = () => service.listLoyaltyTransactions({ customer_id: shopper.customerId, type: "redeem" })
        expect((await redeems()).map((t) => [t.points, t.reference_id, t.order_id])).toEqual([
          [-300, cartId, order.id],
        ])
        const { data } = await api.get("/store/loyalty/transactions", { headers: shopper.headers })
        expect(data.transactions.find((t: any) => t.type === "redeem")).toEqual(
          expect.objectContaining({
            points: -300,
            reference_id: cartId,
            order_id: order.id,
            order: { id: order.id, display_id: order.display_id },
          })
        )
        expect(typeof order.display_id).toEqual("number")
        // A retried completion answers the same order and debits and names nothing again.
        const again = await completeCart(api, cartId, shopper.headers)
        expect(again.order.id).toEqual(order.id)
        expect((await redeems()).map((t) => [t.points, t.order_id])).toEqual([[-300, order.id]])
        await eventually(async () => {
          expect(await service.listLoyaltyTransactions({ order_id: order.id, type: "earn" })).toHaveLength(1)
        })
        await expectLedgerConsistent(shopper.customerId)
      })
    })
  },
})
