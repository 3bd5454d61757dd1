import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { createAdminUser } from "../../helpers/admin"
import { eventually } from "../../helpers/eventually"
import {
  addPaymentSession,
  CommerceFixture,
  completeCart,
  createCommerceFixture,
  prepareCart,
} from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"
import { fulfil } from "../returns/fixtures"
import LoyaltyPointsService from "../../../src/modules/loyalty_points/service"
import { AftersalesModules } from "../../../src/types/modules"
import { settleOrderPointsWorkflow, unlockPendingPointsWorkflow } from "../../../src/workflows/loyalty"

// Generous: the app boots in this file's first hook, slow on a busy machine.
jest.setTimeout(900 * 1000)

const DAY = 24 * 60 * 60 * 1000
/** Subscribers run after the request answers; on a loaded CI machine that can take a while. */
const SLOW = 30 * 1000

/*
 * What an order's points become after what happens to the order (issue #13, items 4–7):
 * returns received in rounds, an exchange's new line returned, a refund claim, an order edit,
 * the return window, redeemed points on a return. Fixture prices: shirt 50 EUR, mug 20 EUR,
 * shipping 10 EUR; 1 point per EUR earned, 0.01 EUR per point spent.
 */
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

    /** A shopper with the signup bonus (100) credited, plus `extra` points from an admin. */
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

    async function checkout(
      shopper: { headers: Record<string, string> },
      items: { variant_id: string; quantity: number }[],
      points = 0
    ) {
      const cartId = await prepareCart(api, fixture, shopper.headers, { items })
      if (points) {
        await api.post(`/store/carts/${cartId}/loyalty-points`, { points }, { headers: shopper.headers })
        await addPaymentSession(api, cartId, shopper.headers)
      }
      const result = await completeCart(api, cartId, shopper.headers)
      expect(result.type).toEqual("order")
      const earn = await eventually(async () => {
        const [entry] = await service.listLoyaltyTransactions({ order_id: result.order.id, type: "earn" })
        expect(entry).toBeDefined()
        return entry
      })
      return { order: result.order as { id: string }, earn }
    }

    async function items(orderId: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*items`, { headers: admin.headers })
      return data.order.items as { id: string; variant_id: string; quantity: number }[]
    }

    async function requestReturn(orderId: string, lines: { id: string; quantity: number }[]) {
      const { data } = await api.post("/admin/returns", { order_id: orderId }, { headers: admin.headers })
      await api.post(`/admin/returns/${data.return.id}/request-items`, { items: lines }, { headers: admin.headers })
      await api.post(`/admin/returns/${data.return.id}/request`, {}, { headers: admin.headers })
      return data.return.id as string
    }

    /** One round of receiving a return, as a warehouse does when parcels come in apart. */
    async function receive(returnId: string, lines: { id: string; quantity: number }[]) {
      await api.post(`/admin/returns/${returnId}/receive`, {}, { headers: admin.headers })
      await api.post(`/admin/returns/${returnId}/receive-items`, { items: lines }, { headers: admin.headers })
      await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, { headers: admin.headers })
    }

    /** Earned minus taken back, for one order: the points the order stands at. */
    async function orderPoints(orderId: string) {
      const entries = await service.listLoyaltyTransactions({ order_id: orderId })
      const earned = entries.filter((e) => e.type === "earn").reduce((s, e) => s + e.points, 0)
      const reversed = entries.filter((e) => e.type === "reverse").reduce((s, e) => s - e.points, 0)
      const refunded = entries.filter((e) => e.type === "refund").reduce((s, e) => s + e.points, 0)
      return { earned, reversed, kept: earned - reversed, refunded }
    }

    async function expectLedgerConsistent(customerId: string) {
      const summary = await service.getAccountSummary(customerId)
      const sums = await service.sumLedger(customerId)
      expect({ balance: summary.balance, pending: summary.pending }).toEqual({ balance: sums.balance, pending: sums.pending })
      expect(summary.balance).toBeGreaterThanOrEqual(0)
      expect(summary.pending).toBeGreaterThanOrEqual(0)
      return summary
    }

    describe("a return received in rounds (item 4)", () => {
      it("takes back each round's share, whatever round the units come in, and nothing twice", async () => {
        const shopper = await shopperWithPoints(0)
        const { order, earn } = await checkout(shopper, [{ variant_id: fixture.variants.shirt_s, quantity: 2 }])
        expect(earn.points).toEqual(100)
        const [shirt] = await items(order.id)
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }])
        const returnId = await requestReturn(order.id, [{ id: shirt.id, quantity: 2 }])

        await receive(returnId, [{ id: shirt.id, quantity: 1 }])
        await eventually(async () => expect((await orderPoints(order.id)).kept).toEqual(50), SLOW)
        // The second unit arrives later, on the same return: everything is back, no points stay.
        await receive(returnId, [{ id: shirt.id, quantity: 1 }])
        await eventually(async () => expect((await orderPoints(order.id)).kept).toEqual(0), SLOW)

        // The same events delivered again change nothing.
        const again = await settleOrderPointsWorkflow(container).run({
          input: { order_id: order.id, return_id: returnId },
        })
        expect(again.result).toEqual({ reversed: [], refunded: [] })
        expect(await orderPoints(order.id)).toEqual(expect.objectContaining({ earned: 100, reversed: 100 }))
        expect((await expectLedgerConsistent(shopper.customerId)).pending).toEqual(0)
      })
    })

    describe("money going back by another route (item 5)", () => {
      it("an exchange's new line returned later takes its points back", async () => {
        const shopper = await shopperWithPoints(0)
        const { order } = await checkout(shopper, [
          { variant_id: fixture.variants.shirt_s, quantity: 1 },
          { variant_id: fixture.variants.mug_white, quantity: 1 },
        ])
        const placed = await items(order.id)
        const mug = placed.find((i) => i.variant_id === fixture.variants.mug_white)!
        await fulfil(container, order.id, placed.map((i) => ({ id: i.id, quantity: i.quantity })))

        // The white mug for the black one, same price: nothing changes.
        const { data } = await api.post("/admin/exchanges", { order_id: order.id }, { headers: admin.headers })
        const exchangeId = data.exchange.id
        await api.post(`/admin/exchanges/${exchangeId}/inbound/items`, { items: [{ id: mug.id, quantity: 1 }] }, { headers: admin.headers })
        await api.post(`/admin/exchanges/${exchangeId}/outbound/items`, { items: [{ variant_id: fixture.variants.mug_black, quantity: 1 }] }, { headers: admin.headers })
        await api.post(`/admin/exchanges/${exchangeId}/request`, {}, { headers: admin.headers })
        const { data: detail } = await api.get(`/admin/exchanges/${exchangeId}?fields=id,return_id`, { headers: admin.headers })
        await receive(detail.exchange.return_id, [{ id: mug.id, quantity: 1 }])
        await eventually(async () => {
          const [entry] = await service.listLoyaltyTransactions({ order_id: order.id, type: "reverse" })
          expect(entry).toBeUndefined()
          expect((await orderPoints(order.id)).kept).toEqual(70)
        })

        // Then the new black mug comes back too: only the shirt is kept.
        const black = (await items(order.id)).find((i) => i.variant_id === fixture.variants.mug_black)!
        await fulfil(container, order.id, [{ id: black.id, quantity: 1 }])
        const returnId = await requestReturn(order.id, [{ id: black.id, quantity: 1 }])
        await receive(returnId, [{ id: black.id, quantity: 1 }])
        await eventually(async () => expect((await orderPoints(order.id)).kept).toEqual(50), SLOW)
        await expectLedgerConsistent(shopper.customerId)
      })

      it("a refund claim takes back the claimed units' points", async () => {
        const shopper = await shopperWithPoints(0)
        const { order } = await checkout(shopper, [{ variant_id: fixture.variants.shirt_s, quantity: 2 }])
        const [shirt] = await items(order.id)
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }])
        const { data } = await api.post("/admin/claims", { order_id: order.id, type: "refund" }, { headers: admin.headers })
        await api.post(
          `/admin/claims/${data.claim.id}/claim-items`,
          { items: [{ id: shirt.id, quantity: 1, reason: "production_failure" }] },
          { headers: admin.headers }
        )
        await api.post(`/admin/claims/${data.claim.id}/request`, {}, { headers: admin.headers })
        await eventually(async () => expect((await orderPoints(order.id)).kept).toEqual(50), SLOW)
        const [entry] = await service.listLoyaltyTransactions({ order_id: order.id, type: "reverse" })
        expect(entry).toEqual(expect.objectContaining({ points: -50, reason: "items claimed" }))
        await expectLedgerConsistent(shopper.customerId)
      })

      it("an order edit that lowers a quantity takes back that unit's points", async () => {
        const shopper = await shopperWithPoints(0)
        const { order } = await checkout(shopper, [{ variant_id: fixture.variants.shirt_s, quantity: 2 }])
        const [shirt] = await items(order.id)
        // Core's order-edit routes take the order's id once the edit is begun.
        await api.post("/admin/order-edits", { order_id: order.id }, { headers: admin.headers })
        const editId = order.id
        await api.post(`/admin/order-edits/${editId}/items/item/${shirt.id}`, { quantity: 1 }, { headers: admin.headers })
        await api.post(`/admin/order-edits/${editId}/request`, {}, { headers: admin.headers })
        await api.post(`/admin/order-edits/${editId}/confirm`, {}, { headers: admin.headers })
        await eventually(async () => expect((await orderPoints(order.id)).kept).toEqual(50), SLOW)
        const [entry] = await service.listLoyaltyTransactions({ order_id: order.id, type: "reverse" })
        expect(entry).toEqual(expect.objectContaining({ points: -50, reason: "order edited" }))
        await expectLedgerConsistent(shopper.customerId)
      })
    })

    describe("the return window (item 6)", () => {
      it("keeps points pending until the order's return window closes, not merely pending_days", async () => {
        const shopper = await shopperWithPoints(0)
        const { order, earn } = await checkout(shopper, [{ variant_id: fixture.variants.shirt_s, quantity: 2 }])
        const [shirt] = await items(order.id)
        // Delivered now: the window (30 days from delivery) runs past the 14 pending days.
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }], { delivered_days_ago: 0 })
        const at = (days: number) => new Date(Date.now() + days * DAY).toISOString()
        const day15 = await unlockPendingPointsWorkflow(container).run({ input: { now: at(15) } })
        expect(day15.result).toEqual(expect.objectContaining({ entries: 0, deferred: 1 }))
        const [moved] = await service.listLoyaltyTransactions({ id: earn.id })
        expect(new Date(moved.available_at!).getTime()).toBeGreaterThan(Date.now() + 29 * DAY)

        // The shopper cannot spend them yet; a return on day 20 takes them back in full.
        expect((await expectLedgerConsistent(shopper.customerId)).balance).toEqual(100)
        const returnId = await requestReturn(order.id, [{ id: shirt.id, quantity: 2 }])
        await receive(returnId, [{ id: shirt.id, quantity: 2 }])
        await eventually(async () => expect((await orderPoints(order.id)).kept).toEqual(0), SLOW)
        expect((await expectLedgerConsistent(shopper.customerId)).balance).toEqual(100)
        const day31 = await unlockPendingPointsWorkflow(container).run({ input: { now: at(31) } })
        expect(day31.result).toEqual(expect.objectContaining({ points: 0 }))
        expect(await expectLedgerConsistent(shopper.customerId)).toEqual(
          expect.objectContaining({ balance: 100, pending: 0 })
        )
      })

      it("a window counted from the order sets the unlock at placement (at least pending_days)", async () => {
        await api.post("/admin/aftersales/settings", { returns: { window_start: "order", window_days: 40 } }, { headers: admin.headers })
        const shopper = await shopperWithPoints(0)
        const before = Date.now()
        const { earn } = await checkout(shopper, [{ variant_id: fixture.variants.mug_white, quantity: 1 }])
        const unlockAt = new Date(earn.available_at!).getTime()
        expect(unlockAt).toBeGreaterThanOrEqual(before + 40 * DAY - 60 * 1000)
        expect(unlockAt).toBeLessThanOrEqual(Date.now() + 40 * DAY)
      })
    })

    describe("redeemed points on a return (item 7)", () => {
      it("gives back what money cannot: money first, points for the rest, each at most what was paid", async () => {
        const shopper = await shopperWithPoints(5000) // 5 100 points
        // Items 120 EUR + 10 shipping = 130; 5 000 points pay 50 EUR, money pays 80.
        const { order } = await checkout(
          shopper,
          [
            { variant_id: fixture.variants.shirt_s, quantity: 2 },
            { variant_id: fixture.variants.mug_white, quantity: 1 },
          ],
          5000
        )
        expect((await expectLedgerConsistent(shopper.customerId)).balance).toEqual(100)
        const placed = await items(order.id)
        const shirt = placed.find((i) => i.variant_id === fixture.variants.shirt_s)!
        const mug = placed.find((i) => i.variant_id === fixture.variants.mug_white)!
        await fulfil(container, order.id, placed.map((i) => ({ id: i.id, quantity: i.quantity })))

        // One shirt back (50 EUR): the 80 EUR of money covers it, no points come back.
        const first = await requestReturn(order.id, [{ id: shirt.id, quantity: 1 }])
        await receive(first, [{ id: shirt.id, quantity: 1 }])
        // Earned 70 (120 EUR of items less 50 in points); kept 70 - 100 x 70/120 / 2 = 40.8 -> 40.
        await eventually(async () => expect((await orderPoints(order.id)).kept).toEqual(40), SLOW)
        expect((await orderPoints(order.id)).refunded).toEqual(0)

        // Everything back (120 EUR): money gives back at most 80, points the other 40 EUR.
        const second = await requestReturn(order.id, [
          { id: shirt.id, quantity: 1 },
          { id: mug.id, quantity: 1 },
        ])
        await receive(second, [
          { id: shirt.id, quantity: 1 },
          { id: mug.id, quantity: 1 },
        ])
        await eventually(async () => expect((await orderPoints(order.id)).refunded).toEqual(4000), SLOW)
        const [refund] = await service.listLoyaltyTransactions({ order_id: order.id, type: "refund" })
        expect(refund).toEqual(expect.objectContaining({ points: 4000, amount: 40 }))
        // Replayed: nothing more.
        await settleOrderPointsWorkflow(container).run({ input: { order_id: order.id, return_id: second } })
        expect((await orderPoints(order.id)).refunded).toEqual(4000)
        expect(await expectLedgerConsistent(shopper.customerId)).toEqual(
          expect.objectContaining({ balance: 4100, pending: 0 })
        )
      })

      it("a cancel after a partial refund gives back the rest, once", async () => {
        const shopper = await shopperWithPoints(5000)
        const { order } = await checkout(shopper, [{ variant_id: fixture.variants.shirt_s, quantity: 2 }], 5000)
        // 100 EUR of items + 10 shipping: 50 EUR in points, 60 in money.
        const [shirt] = await items(order.id)
        await api.post("/admin/order-edits", { order_id: order.id }, { headers: admin.headers })
        await api.post(`/admin/order-edits/${order.id}/items/item/${shirt.id}`, { quantity: 0 }, { headers: admin.headers })
        await api.post(`/admin/order-edits/${order.id}/request`, {}, { headers: admin.headers })
        await api.post(`/admin/order-edits/${order.id}/confirm`, {}, { headers: admin.headers })
        // 100 EUR no longer bought, 60 of it in money: 40 EUR of points come back.
        await eventually(async () => expect((await orderPoints(order.id)).refunded).toEqual(4000), SLOW)
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: admin.headers })
        await eventually(async () => expect((await orderPoints(order.id)).refunded).toEqual(5000), SLOW)
        expect(await orderPoints(order.id)).toEqual(expect.objectContaining({ kept: 0 }))
        expect(await expectLedgerConsistent(shopper.customerId)).toEqual(
          expect.objectContaining({ balance: 5100, pending: 0 })
        )
      })
    })
  },
})
