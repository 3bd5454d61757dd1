import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
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
import { birthdaysOn } from "../../../src/modules/loyalty_points/birthday"
import { AftersalesModules } from "../../../src/types/modules"
import {
  awardBirthdayBonusesStep,
  birthdayBonusWorkflow,
  earnOrderPointsWorkflow,
  pointsExpiryJob,
  findBirthdayCustomersStep,
  takeBackReturnedPointsWorkflow,
} from "../../../src/workflows/loyalty"

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

    /** A shopper with the signup bonus (100) credited, plus `extra` points from an admin. */
    async function shopperWithPoints(extra: number, extraProfile: Record<string, unknown> = {}) {
      const shopper = await createShopper(api, fixture.publishableKey, undefined, extraProfile)
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

    /** Checks out through the Store API, optionally applying points first. */
    async function checkout(
      shopper: { headers: Record<string, string> },
      options: Parameters<typeof prepareCart>[3] & { points?: number }
    ) {
      const cartId = await prepareCart(api, fixture, shopper.headers, options)
      if (options.points) {
        await api.post(`/store/carts/${cartId}/loyalty-points`, { points: options.points }, { headers: shopper.headers })
        await addPaymentSession(api, cartId, shopper.headers)
      }
      const preview = await api.get(`/store/carts/${cartId}/loyalty-points`, { headers: shopper.headers })
      const result = await completeCart(api, cartId, shopper.headers)
      expect(result.type).toEqual("order")
      return { order: result.order, preview: preview.data.loyalty_points }
    }

    async function earnEntry(orderId: string) {
      return await eventually(async () => {
        const [earn] = await service.listLoyaltyTransactions({ order_id: orderId, type: "earn" })
        expect(earn).toBeDefined()
        return earn
      })
    }

    /** The order's lines as the admin sees them. */
    async function adminOrderItems(orderId: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*items`, { headers: admin.headers })
      return data.order.items as { id: string; variant_id: string; quantity: number }[]
    }

    /** Receives every item of a return through the admin API, as a warehouse would. */
    async function receiveReturn(returnId: string, items: { id: string; quantity: number }[]) {
      await api.post(`/admin/returns/${returnId}/receive`, {}, { headers: admin.headers })
      await api.post(`/admin/returns/${returnId}/receive-items`, { items }, { headers: admin.headers })
      await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, { headers: admin.headers })
    }

    async function notificationsFor(customerId: string, template: string) {
      return await container
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ receiver_id: customerId, template })
    }

    describe("earning at checkout", () => {
      it("earns on items after the discount, without tax and shipping, less points paid, times the tier", async () => {
        const shopper = await shopperWithPoints(300)
        // 1200 points earned in the last 12 months: Silver (x1.25) from now on.
        await service.earnPoints({
          customer_id: shopper.customerId,
          order_id: "order_history",
          points: 1200,
          amount: 1200,
          currency_code: "eur",
          rate: 1,
          multiplier: 1,
          available_at: new Date(Date.now() - DAY),
          expires_at: null,
          idempotency_key: `history:${shopper.customerId}`,
          lines: {},
        })
        const { data: promo } = await api.post(
          "/admin/promotions",
          {
            code: "TENOFF",
            type: "standard",
            status: "active",
            is_automatic: false,
            application_method: {
              type: "percentage",
              target_type: "order",
              allocation: "across",
              value: 10,
            },
          },
          { headers: admin.headers }
        )
        expect(promo.promotion.code).toEqual("TENOFF")

        // TR region: 1500 TRY shirt, 10% off -> 1350, 20% VAT on top, 300 TRY shipping, and
        // 200 points (100 TRY at 0.5 TRY a point) paid with points.
        const { order, preview } = await checkout(shopper, {
          region: "tr",
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
          promo_codes: ["TENOFF"],
          points: 200,
        })
        const { data: placed } = await api.get(
          `/admin/orders/${order.id}?fields=id,currency_code,discount_subtotal,tax_total,shipping_total,credit_line_total`,
          { headers: admin.headers }
        )
        expect(placed.order).toEqual(
          expect.objectContaining({
            currency_code: "try",
            discount_subtotal: 150,
            // 20% VAT on the discounted shirt and on the shipping.
            tax_total: 1350 * 0.2 + 300 * 0.2,
            shipping_total: 360,
            credit_line_total: 100,
          })
        )
        // eligible = 1350 - 100 = 1250 TRY; 1250 x 0.02 x 1.25 = 31.25 -> 31 points.
        const earn = await earnEntry(order.id)
        expect(earn).toEqual(
          expect.objectContaining({
            points: 31,
            amount: 1250,
            rate: 0.02,
            multiplier: 1.25,
            currency_code: "try",
            status: "pending",
          })
        )
        // The checkout preview promised what the order earned.
        expect(preview.earnable).toEqual(31)
        const { data } = await api.get("/store/loyalty", { headers: shopper.headers })
        expect(data.loyalty).toEqual(
          // Pending: the 1200 of history (never unlocked here) and this order's 31.
          expect.objectContaining({ balance: 200, pending: 1231, tier: { name: "Silver", multiplier: 1.25 } })
        )
        await expectLedgerConsistent(shopper.customerId)
      })

      it("previews what the order earns under the merchant's eligibility switches", async () => {
        await api.post(
          "/admin/aftersales/settings",
          { loyalty: { eligible: { shipping: true, tax: true, paid_with_credit: true } } },
          { headers: admin.headers }
        )
        const shopper = await shopperWithPoints(100)
        // TR region: 1500 TRY shirt + 20% VAT = 1800, shipping 300 + 20% = 360; 200 points
        // (100 TRY) paid with points still count: 2160 TRY eligible at 0.02 a lira = 43 points.
        const { order, preview } = await checkout(shopper, {
          region: "tr",
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
          points: 200,
        })
        const earn = await earnEntry(order.id)
        expect(earn).toEqual(expect.objectContaining({ points: 43, amount: 2160, rate: 0.02, multiplier: 1 }))
        expect(preview.earnable).toEqual(43)
      })
    })

    describe("take-back on returns and exchanges", () => {
      it("a partial return of a line reverses exactly its share, at the stored rate, once", async () => {
        const shopper = await shopperWithPoints(500) // 600 points = 6 EUR
        const { order } = await checkout(shopper, {
          items: [
            { variant_id: fixture.variants.shirt_s, quantity: 2 },
            { variant_id: fixture.variants.mug_white, quantity: 1 },
          ],
          points: 600,
        })
        // Items 120 EUR, 6 EUR paid with points: 114 eligible, 95% of each line.
        const earn = await earnEntry(order.id)
        expect(earn).toEqual(expect.objectContaining({ points: 114, rate: 1, multiplier: 1 }))

        // The merchant now triples the rate: a return must still use the stored rate.
        await api.post(
          "/admin/aftersales/settings",
          { loyalty: { earn_rates: { eur: 3, try: 0.02 } } },
          { headers: admin.headers }
        )

        const items = await adminOrderItems(order.id)
        const shirt = items.find((i) => i.variant_id === fixture.variants.shirt_s)!
        const mug = items.find((i) => i.variant_id === fixture.variants.mug_white)!
        await fulfil(container, order.id, items.map((i) => ({ id: i.id, quantity: i.quantity })))

        const { data: created } = await api.post("/admin/returns", { order_id: order.id }, { headers: admin.headers })
        const returnId = created.return.id
        await api.post(`/admin/returns/${returnId}/request-items`, { items: [{ id: shirt.id, quantity: 1 }] }, { headers: admin.headers })
        await api.post(`/admin/returns/${returnId}/request`, {}, { headers: admin.headers })
        await receiveReturn(returnId, [{ id: shirt.id, quantity: 1 }])

        // One of two shirts: kept 114 - 100 x 0.95 / 2 = 66.5 EUR at 1 point per EUR -> 66 points
        // kept, so 114 - 66 = 48 are taken back (points for what is kept, not the returned share).
        const reversal = await eventually(async () => {
          const [entry] = await service.listLoyaltyTransactions({ type: "reverse", reference_id: earn.id })
          expect(entry).toBeDefined()
          return entry
        })
        expect(reversal).toEqual(
          expect.objectContaining({ points: -48, status: "pending", rate: 1, multiplier: 1, order_id: order.id })
        )
        // The same order.return_received delivered again takes nothing more.
        await takeBackReturnedPointsWorkflow(container).run({ input: { order_id: order.id, return_id: returnId } })
        const reversals = await service.listLoyaltyTransactions({ type: "reverse", reference_id: earn.id })
        expect(reversals).toHaveLength(1)
        expect((await expectLedgerConsistent(shopper.customerId)).pending).toEqual(114 - 48)

        // A second return of the mug: kept 66.5 - 19 = 47.5 -> 47 points stay.
        const { data: second } = await api.post("/admin/returns", { order_id: order.id }, { headers: admin.headers })
        await api.post(`/admin/returns/${second.return.id}/request-items`, { items: [{ id: mug.id, quantity: 1 }] }, { headers: admin.headers })
        await api.post(`/admin/returns/${second.return.id}/request`, {}, { headers: admin.headers })
        await receiveReturn(second.return.id, [{ id: mug.id, quantity: 1 }])
        await eventually(async () => {
          expect((await service.getAccountSummary(shopper.customerId)).pending).toEqual(47)
        })
        await expectLedgerConsistent(shopper.customerId)
      })

      it("an exchange reverses only a price drop", async () => {
        const shopper = await shopperWithPoints(0)
        const { order } = await checkout(shopper, {
          items: [
            { variant_id: fixture.variants.shirt_s, quantity: 1 },
            { variant_id: fixture.variants.mug_white, quantity: 1 },
          ],
        })
        const earn = await earnEntry(order.id)
        expect(earn.points).toEqual(70)
        const items = await adminOrderItems(order.id)
        const shirt = items.find((i) => i.variant_id === fixture.variants.shirt_s)!
        const mug = items.find((i) => i.variant_id === fixture.variants.mug_white)!
        await fulfil(container, order.id, items.map((i) => ({ id: i.id, quantity: i.quantity })))

        async function exchange(returnedItemId: string, newVariantId: string) {
          const { data } = await api.post("/admin/exchanges", { order_id: order.id }, { headers: admin.headers })
          const id = data.exchange.id
          await api.post(`/admin/exchanges/${id}/inbound/items`, { items: [{ id: returnedItemId, quantity: 1 }] }, { headers: admin.headers })
          await api.post(`/admin/exchanges/${id}/outbound/items`, { items: [{ variant_id: newVariantId, quantity: 1 }] }, { headers: admin.headers })
          await api.post(`/admin/exchanges/${id}/request`, {}, { headers: admin.headers })
          const { data: detail } = await api.get(`/admin/exchanges/${id}?fields=id,return_id`, { headers: admin.headers })
          await receiveReturn(detail.exchange.return_id, [{ id: returnedItemId, quantity: 1 }])
          return detail.exchange.return_id as string
        }

        // Same price (white mug for the black one): nothing is taken back.
        const sameReturn = await exchange(mug.id, fixture.variants.mug_black)
        // Cheaper (the 50 EUR shirt for a 20 EUR mug): only the 30 EUR drop.
        await exchange(shirt.id, fixture.variants.mug_black)
        const reversal = await eventually(async () => {
          const [entry] = await service.listLoyaltyTransactions({ type: "reverse", reference_id: earn.id })
          expect(entry).toBeDefined()
          return entry
        })
        expect(reversal).toEqual(expect.objectContaining({ points: -30, reason: "exchanged for cheaper items" }))
        // The same-price exchange's return, handled again, still reverses nothing.
        const again = await takeBackReturnedPointsWorkflow(container).run({
          input: { order_id: order.id, return_id: sameReturn },
        })
        expect(again.result).toBeNull()
        expect(await service.listLoyaltyTransactions({ type: "reverse", reference_id: earn.id })).toHaveLength(1)
        expect((await expectLedgerConsistent(shopper.customerId)).pending).toEqual(40)
      })
    })

    describe("notifications", () => {
      it("tells the shopper what an order earned, in their language, once however often it runs", async () => {
        const shopper = await shopperWithPoints(0, { metadata: { locale: "tr" } })
        const { order } = await checkout(shopper, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
        })
        const [message] = await eventually(async () => {
          const sent = await notificationsFor(shopper.customerId, "aftersales.loyalty.points_earned")
          expect(sent).toHaveLength(1)
          return sent
        })
        expect(message).toEqual(
          expect.objectContaining({ to: shopper.email, channel: "email", resource_type: "loyalty_transaction" })
        )
        expect(message.data).toEqual(
          expect.objectContaining({ points: 100, source: "order", balance: 100, locale: "tr", order_display_id: order.display_id })
        )
        // The event delivered again (the workflow emits it for the entry it finds).
        await earnOrderPointsWorkflow(container).run({ input: { order_id: order.id } })
        await new Promise((r) => setTimeout(r, 1000))
        expect(await notificationsFor(shopper.customerId, "aftersales.loyalty.points_earned")).toHaveLength(1)
      })

      it("the expiry job reminds of points expiring soon, once, and expires the rest", async () => {
        const soon = await shopperWithPoints(0)
        const later = await shopperWithPoints(0)
        await service.addBonusPoints({
          customer_id: soon.customerId,
          points: 70,
          reason: "soon",
          idempotency_key: `soon:${soon.customerId}`,
          expires_at: new Date(Date.now() + 10 * DAY),
        })
        await service.addBonusPoints({
          customer_id: soon.customerId,
          points: 5,
          reason: "gone",
          idempotency_key: `gone:${soon.customerId}`,
          expires_at: new Date(Date.now() - DAY),
        })
        // Through the admin route, as the scheduler or a merchant would run it.
        const { data } = await api.post("/admin/aftersales/jobs/points-expiry/run", {}, { headers: admin.headers })
        expect(data).toEqual({
          job: "points-expiry",
          result: { expired_entries: 1, expired_points: 5, customers: 1, reminded: 1, failed: 0, reminders_failed: 0 },
        })
        const [reminder] = await notificationsFor(soon.customerId, "aftersales.loyalty.points_expiring")
        expect(reminder.data).toEqual(expect.objectContaining({ points: 70, days: 30, balance: 170, locale: "en" }))
        expect(String(reminder.data?.expires_at).slice(0, 10)).toEqual(new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10))
        expect(await notificationsFor(later.customerId, "aftersales.loyalty.points_expiring")).toHaveLength(0)

        // The next daily run finds the same lot: no second message.
        const next = await pointsExpiryJob(container).run({ input: {} })
        expect(next.result).toEqual({ expired_entries: 0, expired_points: 0, customers: 0, reminded: 1, failed: 0, reminders_failed: 0 })
        expect(await notificationsFor(soon.customerId, "aftersales.loyalty.points_expiring")).toHaveLength(1)
        expect((await expectLedgerConsistent(soon.customerId)).balance).toEqual(170)
      })
    })

    describe("birthday bonus", () => {
      const today = birthdaysOn(new Date())[0]
      const otherDay = today === "01-15" ? "02-15" : "01-15"

      it("credits today's birthdays once a year, not after a recent change, through the jobs route", async () => {
        const fan = await shopperWithPoints(0, { metadata: { birthday: `1990-${today}`, locale: "tr" } })
        const mover = await shopperWithPoints(0, { metadata: { birthday: otherDay } })
        const notToday = await shopperWithPoints(0, { metadata: { birthday: otherDay } })
        const junk = await shopperWithPoints(0, { metadata: { birthday: "31-31" } })

        // The mover changes their birthday to today through the Store API.
        await api.post("/store/customers/me", { metadata: { birthday: today } }, { headers: mover.headers })
        await eventually(async () => {
          const [account] = await service.listLoyaltyAccounts({ customer_id: mover.customerId })
          expect(account).toEqual(expect.objectContaining({ birthday: today, birthday_changed_at: expect.any(Date) }))
        })
        const [fanAccount] = await service.listLoyaltyAccounts({ customer_id: fan.customerId })
        expect(fanAccount).toEqual(expect.objectContaining({ birthday: today, birthday_changed_at: null }))
        const [junkAccount] = await service.listLoyaltyAccounts({ customer_id: junk.customerId })
        expect(junkAccount.birthday).toBeNull()

        const run = await api.post("/admin/aftersales/jobs/birthdays/run", {}, { headers: admin.headers })
        expect(run.data).toEqual({
          job: "birthdays",
          result: { awarded: 1, points: 200, already_awarded: 0, skipped_recent_change: 1, failed: 0 },
        })
        expect((await expectLedgerConsistent(fan.customerId)).balance).toEqual(300)
        expect((await expectLedgerConsistent(mover.customerId)).balance).toEqual(100)
        expect((await expectLedgerConsistent(notToday.customerId)).balance).toEqual(100)
        const [bonus] = await service.listLoyaltyTransactions({ customer_id: fan.customerId, source: "birthday" })
        expect(bonus).toEqual(expect.objectContaining({ type: "bonus", points: 200, expires_at: expect.any(Date) }))

        // The greeting goes out in Turkish.
        const [greeting] = await eventually(async () => {
          const sent = await notificationsFor(fan.customerId, "aftersales.loyalty.points_earned")
          expect(sent).toHaveLength(1)
          return sent
        })
        expect(greeting.data).toEqual(expect.objectContaining({ points: 200, source: "birthday", locale: "tr" }))
        expect((greeting as any).content?.subject ?? "İyi ki doğdunuz").toContain("İyi ki doğdunuz")

        // Two runs at once later the same day credit nothing more.
        const reruns = await Promise.all([
          birthdayBonusWorkflow(container).run({ input: {} }),
          birthdayBonusWorkflow(container).run({ input: {} }),
        ])
        expect(reruns.map((r) => r.result.awarded)).toEqual([0, 0])
        expect((await expectLedgerConsistent(fan.customerId)).balance).toEqual(300)

        // A year after the change the mover gets the bonus too.
        await service.updateLoyaltyAccounts({ id: (await service.listLoyaltyAccounts({ customer_id: mover.customerId }))[0].id, birthday_changed_at: new Date(Date.now() - 366 * DAY) })
        const later = await birthdayBonusWorkflow(container).run({ input: {} })
        expect(later.result).toEqual({ awarded: 1, points: 200, already_awarded: 1, skipped_recent_change: 0, failed: 0 })
        expect((await expectLedgerConsistent(mover.customerId)).balance).toEqual(300)
      })

      it("the birthday workflow takes its credits back when a later step fails", async () => {
        const fan = await shopperWithPoints(0, { metadata: { birthday: today } })
        await eventually(async () => {
          const [account] = await service.listLoyaltyAccounts({ customer_id: fan.customerId })
          expect(account.birthday).toEqual(today)
        })
        // The real steps of the birthday job, then a step that fails: the credits are undone.
        const failAfterAward = createStep("test-fail-after-birthday-award", async () => {
          throw new Error("forced failure after the credits")
        })
        const failing = createWorkflow("test-birthday-bonus-failing", (input: { now?: string }) => {
          const found = findBirthdayCustomersStep(input)
          awardBirthdayBonusesStep(found)
          failAfterAward()
          return new WorkflowResponse(found)
        })
        const { errors } = await failing(container).run({ input: {}, throwOnError: false })
        expect(errors[0].error.message).toContain("forced failure")
        expect((await expectLedgerConsistent(fan.customerId)).balance).toEqual(100)
        const types = (await service.listLoyaltyTransactions({ customer_id: fan.customerId })).map((t) => t.type).sort()
        expect(types).toEqual(["adjust", "bonus", "bonus"])
      })
    })
  },
})
