import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
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
import { cartCreditState, cents } from "../../helpers/cart-credit"
import { createShopper } from "../../helpers/store"
import LoyaltyPointsService from "../../../src/modules/loyalty_points/service"
import { AftersalesModules } from "../../../src/types/modules"

jest.setTimeout(120 * 1000)

const EU_ADDRESS = {
  first_name: "Anna",
  last_name: "Berg",
  address_1: "Hauptstr. 1",
  city: "Berlin",
  postal_code: "10115",
  country_code: "de",
}

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

    /** A shopper with the signup bonus (100) plus `extra` points from an admin. */
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

    async function setPointValues(point_values: Record<string, number>) {
      await api.post("/admin/aftersales/settings", { loyalty: { point_values } }, { headers: admin.headers })
    }

    async function cartItems(cartId: string, headers: Record<string, string>) {
      const { data } = await api.get(`/store/carts/${cartId}?fields=*items`, { headers })
      return data.cart.items as { id: string; quantity: number }[]
    }

    /** The invariant of SPEC §10 on a cart, plus the payment collection asking the total. */
    async function expectCartTrue(cartId: string, pointValue: number, share = 0.5) {
      const state = await cartCreditState(container, cartId)
      expect(state.total).toBeGreaterThanOrEqual(0)
      expect(cents(state.credit)).toEqual(cents(state.points * pointValue))
      expect(cents(state.credit)).toBeLessThanOrEqual(cents(state.before_credit * share))
      expect(state.lines).toBeLessThanOrEqual(1)
      if (state.payment_amount !== null) {
        expect(cents(state.payment_amount)).toEqual(cents(state.total))
      }
      return state
    }

    async function redeemed(customerId: string) {
      return service.listLoyaltyTransactions({ customer_id: customerId, type: "redeem" })
    }

    async function orderCreditPoints(orderId: string) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["id", "total", "credit_lines.*", "payment_collections.amount"],
        filters: { id: orderId },
      })
      const lines = (order.credit_lines ?? []).filter((l: any) => l?.reference === "loyalty_points")
      return {
        points: lines.reduce((s: number, l: any) => s + Number(l.metadata?.points ?? 0), 0),
        amount: lines.reduce((s: number, l: any) => s + Number(l.amount), 0),
        total: Number(order.total),
        paid: Number(order.payment_collections[0].amount),
      }
    }

    describe("POST /store/carts/:id with a new region", () => {
      it("re-values the credit at the new currency's point value (TRY → EUR)", async () => {
        const shopper = await shopperWithPoints(4900) // 5000 points
        const cartId = await prepareCart(api, fixture, shopper.headers, {
          region: "tr",
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 3 }],
        })
        const applied = await api.post(`/store/carts/${cartId}/loyalty-points`, { points: 1000 }, { headers: shopper.headers })
        expect(applied.data.loyalty_points).toEqual(
          expect.objectContaining({ currency_code: "try", applied_points: 1000, applied_amount: 500 })
        )

        await api.post(
          `/store/carts/${cartId}`,
          { region_id: fixture.regions.eu, shipping_address: EU_ADDRESS, billing_address: EU_ADDRESS },
          { headers: shopper.headers }
        )
        const moved = await expectCartTrue(cartId, 0.01)
        expect(moved).toEqual(expect.objectContaining({ currency_code: "eur", points: 1000, credit: 10 }))
        const { data } = await api.get(`/store/carts/${cartId}`, { headers: shopper.headers })
        expect(data.cart.total).toEqual(moved.total)
        expect(data.cart.total).toBeGreaterThan(0)

        await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: fixture.shippingOptionId }, { headers: shopper.headers })
        await addPaymentSession(api, cartId, shopper.headers)
        const result = await completeCart(api, cartId, shopper.headers)
        expect(result.type).toEqual("order")
        // 3 shirts at 50 EUR + 10 EUR shipping, less 1000 points at 0.01 EUR.
        expect(await orderCreditPoints(result.order.id)).toEqual({ points: 1000, amount: 10, total: 150, paid: 150 })
        const [entry] = await redeemed(shopper.customerId)
        expect(entry).toEqual(expect.objectContaining({ points: -1000, currency_code: "eur" }))
        expect(Number(entry.amount)).toEqual(10)
        expect((await service.getAccountSummary(shopper.customerId)).balance).toEqual(4000)
      })
    })

    describe("point values changed by an admin", () => {
      it("refuses a stale credit at completion, and re-values it on the next cart change", async () => {
        const shopper = await shopperWithPoints(4900)
        const cartId = await prepareCart(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
        })
        await api.post(`/store/carts/${cartId}/loyalty-points`, { points: 1000 }, { headers: shopper.headers })
        await addPaymentSession(api, cartId, shopper.headers)
        await setPointValues({ eur: 0.005, try: 0.5 })

        // Nothing refreshed the cart: its 10 EUR credit is what 1000 points bought yesterday.
        const err = await completeCart(api, cartId, shopper.headers).catch((e: any) => e.response)
        expect(err.status).toEqual(400)
        expect(err.data).toEqual({ type: "not_allowed", message: expect.stringContaining("Apply them again") })
        expect(err.data.message).toContain(cartId)
        expect(await redeemed(shopper.customerId)).toHaveLength(0)
        expect((await service.getAccountSummary(shopper.customerId)).balance).toEqual(5000)

        // Any change to the cart re-values it: 1000 points are worth 5 EUR now.
        await api.post(
          `/store/carts/${cartId}/line-items`,
          { variant_id: fixture.variants.mug_white, quantity: 1 },
          { headers: shopper.headers }
        )
        const state = await expectCartTrue(cartId, 0.005)
        expect(state).toEqual(expect.objectContaining({ points: 1000, credit: 5, total: 125 }))
        await addPaymentSession(api, cartId, shopper.headers)
        const result = await completeCart(api, cartId, shopper.headers)
        expect(result.type).toEqual("order")
        expect(await orderCreditPoints(result.order.id)).toEqual({ points: 1000, amount: 5, total: 125, paid: 125 })
        const [entry] = await redeemed(shopper.customerId)
        expect(entry.points).toEqual(-1000)
        expect(Number(entry.amount)).toEqual(5)
      })

      it("removes the credit when the cart's currency loses its point value", async () => {
        const shopper = await shopperWithPoints(4900)
        const cartId = await prepareCart(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
        })
        await api.post(`/store/carts/${cartId}/loyalty-points`, { points: 500 }, { headers: shopper.headers })
        await setPointValues({ try: 0.5 })
        await addPaymentSession(api, cartId, shopper.headers)
        const err = await completeCart(api, cartId, shopper.headers).catch((e: any) => e.response)
        expect(err.status).toEqual(400)
        expect(err.data).toEqual({ type: "not_allowed", message: expect.stringContaining("EUR") })

        const [item] = await cartItems(cartId, shopper.headers)
        await api.post(`/store/carts/${cartId}/line-items/${item.id}`, { quantity: 2 }, { headers: shopper.headers })
        const state = await expectCartTrue(cartId, 0)
        expect(state).toEqual(expect.objectContaining({ lines: 0, credit: 0, total: 110 }))
        await addPaymentSession(api, cartId, shopper.headers)
        const result = await completeCart(api, cartId, shopper.headers)
        expect(result.type).toEqual("order")
        expect(await redeemed(shopper.customerId)).toHaveLength(0)
        expect((await service.getAccountSummary(shopper.customerId)).balance).toEqual(5000)
      })
    })

    describe("a cart that shrinks or empties", () => {
      it("clamps the credit to the share with fewer whole points, and completion debits those", async () => {
        const shopper = await shopperWithPoints(4900)
        const cartId = await prepareCart(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
        })
        const max = await api.post(`/store/carts/${cartId}/loyalty-points`, { max: true }, { headers: shopper.headers })
        expect(max.data.loyalty_points).toEqual(expect.objectContaining({ applied_points: 5000, applied_amount: 50 }))
        const [item] = await cartItems(cartId, shopper.headers)
        await api.post(`/store/carts/${cartId}/line-items/${item.id}`, { quantity: 1 }, { headers: shopper.headers })

        // 50 EUR shirt + 10 EUR shipping: at most half, 30 EUR = 3000 points.
        const state = await expectCartTrue(cartId, 0.01)
        expect(state).toEqual(expect.objectContaining({ points: 3000, credit: 30, total: 30, payment_amount: 30 }))
        const preview = await api.get(`/store/carts/${cartId}/loyalty-points`, { headers: shopper.headers })
        expect(preview.data.loyalty_points).toEqual(expect.objectContaining({ applied_points: 3000, applied_amount: 30 }))

        // Growing again does not bring the clamped points back by itself.
        await api.post(`/store/carts/${cartId}/line-items/${item.id}`, { quantity: 2 }, { headers: shopper.headers })
        expect(await expectCartTrue(cartId, 0.01)).toEqual(expect.objectContaining({ points: 3000, credit: 30, total: 80 }))

        await addPaymentSession(api, cartId, shopper.headers)
        const result = await completeCart(api, cartId, shopper.headers)
        expect(result.type).toEqual("order")
        expect(await orderCreditPoints(result.order.id)).toEqual({ points: 3000, amount: 30, total: 80, paid: 80 })
        expect((await redeemed(shopper.customerId)).map((r) => r.points)).toEqual([-3000])
        expect((await service.getAccountSummary(shopper.customerId)).balance).toEqual(2000)
      })

      it("drops a credit that falls below the minimum, and removes it from an emptied cart", async () => {
        const shopper = await shopperWithPoints(4900)
        const cartId = await prepareCart(api, fixture, shopper.headers, {
          items: [
            { variant_id: fixture.variants.shirt_s, quantity: 1 },
            { variant_id: fixture.variants.mug_white, quantity: 1 },
          ],
        })
        await api.post(`/store/carts/${cartId}/loyalty-points`, { points: 200 }, { headers: shopper.headers })
        expect(await expectCartTrue(cartId, 0.01)).toEqual(expect.objectContaining({ points: 200, credit: 2, total: 78 }))

        // The merchant raises the minimum: the next change drops a credit below it.
        await api.post("/admin/aftersales/settings", { loyalty: { min_redeem_points: 300 } }, { headers: admin.headers })
        const items = await cartItems(cartId, shopper.headers)
        const mug = items.find((i: any) => i.variant_id === fixture.variants.mug_white)!
        await api.post(`/store/carts/${cartId}/line-items/${mug.id}`, { quantity: 2 }, { headers: shopper.headers })
        expect(await expectCartTrue(cartId, 0.01)).toEqual(expect.objectContaining({ lines: 0, credit: 0, total: 100 }))

        await api.post(`/store/carts/${cartId}/loyalty-points`, { points: 300 }, { headers: shopper.headers })
        expect(await expectCartTrue(cartId, 0.01)).toEqual(expect.objectContaining({ points: 300, total: 97 }))
        for (const item of items) {
          await api.delete(`/store/carts/${cartId}/line-items/${item.id}`, { headers: shopper.headers })
        }
        const empty = await expectCartTrue(cartId, 0.01)
        expect(empty).toEqual(expect.objectContaining({ items: 0, lines: 0, credit: 0 }))
        expect(empty.total).toBeGreaterThanOrEqual(0)
        // Found by cart-invariants.spec.ts: applying to the empty cart paid its shipping with points.
        const onEmpty = await api
          .post(`/store/carts/${cartId}/loyalty-points`, { max: true }, { headers: shopper.headers })
          .catch((e: any) => e.response)
        expect(onEmpty.status).toEqual(400)
        expect(onEmpty.data).toEqual({ type: "not_allowed", message: expect.stringContaining(cartId) })
        expect((await cartCreditState(container, cartId)).lines).toEqual(0)
        // Filling it again brings nothing back: the shopper applies points again if they want.
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: fixture.variants.mug_white, quantity: 1 }, { headers: shopper.headers })
        expect(await expectCartTrue(cartId, 0.01)).toEqual(expect.objectContaining({ lines: 0, total: 30 }))
      })
    })

    describe("POST /store/carts/:id/promotions after points", () => {
      it("clamps the credit so the total never goes negative, and the payment asks the new total", async () => {
        await api.post(
          "/admin/promotions",
          {
            code: "BIGSALE",
            type: "standard",
            status: "active",
            is_automatic: false,
            application_method: { type: "percentage", target_type: "order", allocation: "across", value: 90 },
          },
          { headers: admin.headers }
        )
        const shopper = await shopperWithPoints(4900)
        const cartId = await prepareCart(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
        })
        await api.post(`/store/carts/${cartId}/loyalty-points`, { max: true }, { headers: shopper.headers })
        await addPaymentSession(api, cartId, shopper.headers)
        expect(await expectCartTrue(cartId, 0.01)).toEqual(expect.objectContaining({ points: 3000, credit: 30, total: 30 }))

        const { data } = await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["BIGSALE"] }, { headers: shopper.headers })
        // 50 EUR shirt less 90% = 5 EUR, + 10 EUR shipping = 15 before points: at most 7.50.
        const state = await expectCartTrue(cartId, 0.01)
        expect(state).toEqual(expect.objectContaining({ points: 750, credit: 7.5, total: 7.5, payment_amount: 7.5 }))
        expect(data.cart.total).toEqual(7.5)
        expect(data.cart.promotions.map((p: any) => p.code)).toEqual(["BIGSALE"])

        // Removing the coupon keeps the clamped points (never more than left on the cart).
        const removed = await api.delete(`/store/carts/${cartId}/promotions`, {
          headers: shopper.headers,
          data: { promo_codes: ["BIGSALE"] },
        })
        expect(removed.data.cart.total).toEqual(52.5)
        expect(await expectCartTrue(cartId, 0.01)).toEqual(expect.objectContaining({ points: 750, total: 52.5 }))

        // Core's validation still guards the overridden route.
        const bad = await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: "BIGSALE" }, { headers: shopper.headers }).catch((e: any) => e.response)
        expect(bad.status).toEqual(400)
        expect(bad.data).toEqual({ type: "invalid_data", message: expect.any(String) })

        await addPaymentSession(api, cartId, shopper.headers)
        const result = await completeCart(api, cartId, shopper.headers)
        expect(result.type).toEqual("order")
        expect(await orderCreditPoints(result.order.id)).toEqual({ points: 750, amount: 7.5, total: 52.5, paid: 52.5 })
      })
    })

    describe("races and owners", () => {
      it("two applies at once and a quantity change at the same time leave one true credit", async () => {
        const shopper = await shopperWithPoints(4900)
        const cartId = await prepareCart(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 3 }],
        })
        const [item] = await cartItems(cartId, shopper.headers)
        const results = await Promise.allSettled([
          api.post(`/store/carts/${cartId}/loyalty-points`, { points: 4000 }, { headers: shopper.headers }),
          api.post(`/store/carts/${cartId}/loyalty-points`, { max: true }, { headers: shopper.headers }),
          api.post(`/store/carts/${cartId}/line-items/${item.id}`, { quantity: 1 }, { headers: shopper.headers }),
        ])
        for (const r of results) {
          if (r.status === "rejected") {
            // A request that lost the cart's lock is refused as a whole, never half applied.
            expect((r.reason as any).response.status).toBeLessThan(500)
          }
        }
        const state = await expectCartTrue(cartId, 0.01)
        expect(state.lines).toBeLessThanOrEqual(1)
        expect(state.total).toBeGreaterThanOrEqual(0)
      })

      it("drops the credit when the cart passes to another customer, who cannot spend it", async () => {
        const owner = await shopperWithPoints(4900)
        const other = await shopperWithPoints(0)
        const cartId = await prepareCart(api, fixture, owner.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
        })
        await api.post(`/store/carts/${cartId}/loyalty-points`, { points: 1000 }, { headers: owner.headers })
        // Core lets any logged-in shopper take a cart whose id they know, even a registered
        // customer's (Medusa 2.21.2): the points stay with their owner.
        const transfer = await api.post(`/store/carts/${cartId}/customer`, {}, { headers: other.headers })
        expect(transfer.status).toEqual(200)
        const state = await cartCreditState(container, cartId)
        expect(state).toEqual(expect.objectContaining({ customer_id: other.customerId, lines: 0, credit: 0, total: 110 }))
        expect((await service.getAccountSummary(owner.customerId)).balance).toEqual(5000)
      })
    })
  },
})
