import { MedusaContainer } from "@medusajs/framework/types"
import { receiveAndCompleteReturnOrderWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../../../helpers/admin"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../../helpers/commerce"
import { createShopper } from "../../../helpers/store"
import { fulfil, orderLines } from "../fixtures"

// Generous: booting the app on a busy 2-core machine can take minutes.
jest.setTimeout(600 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }
    let shopper: { headers: Record<string, string>; customerId: string; email: string }
    let orderId: string
    /** Line ids of the order: 2 shirts S (50 eur) and 1 white mug (20 eur). */
    let shirt: string
    let mug: string

    const err = (p: Promise<any>) =>
      p.then(
        (r) => {
          throw new Error(`expected an error, got ${r.status}: ${JSON.stringify(r.data)}`)
        },
        (e) => e.response
      )
    const request = (body: Record<string, unknown>, headers: Record<string, string> = shopper.headers) =>
      api.post(`/store/orders/${orderId}/return-requests`, body, { headers })
    const pay = (body: Record<string, unknown> = { provider_id: "pp_system_default" }, headers = shopper.headers) =>
      api.post(`/store/orders/${orderId}/exchange-payment`, body, { headers })
    const adminOrder = (fields: string) =>
      api.get(`/admin/orders/${orderId}?fields=${fields}`, { headers: admin.headers }).then((r: any) => r.data.order)
    const collections = async () =>
      (await adminOrder("id,payment_collections.id,payment_collections.amount,payment_collections.status")).payment_collections
    const pendingDifference = async () => (await adminOrder("id,summary.*")).summary.pending_difference
    /** The order line an exchange added (its new item). */
    const newLine = async (exchangeId: string) => {
      const {
        data: { exchange },
      } = await api.get(`/admin/exchanges/${exchangeId}?fields=id,*additional_items`, { headers: admin.headers })
      return exchange.additional_items[0].item_id as string
    }
    const fulfilNew = (lineId: string) =>
      api.post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: lineId, quantity: 1 }] }, { headers: admin.headers })
    /** The 20 eur mug for a 50 eur shirt M; the 5% bonus (1 eur) comes off the new shirt. */
    const dearer = { resolution: "exchange", items: [{ id: "", quantity: 1 }], exchange_items: [{ variant_id: "", quantity: 1 }] }
    const dearerBody = () => ({
      ...dearer,
      items: [{ id: mug, quantity: 1 }],
      exchange_items: [{ variant_id: fixture.variants.shirt_m, quantity: 1 }],
    })

    beforeEach(async () => {
      container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      shopper = await createShopper(api, fixture.publishableKey)
      const placed = await placeOrder(api, fixture, shopper.headers, {
        items: [
          { variant_id: fixture.variants.shirt_s, quantity: 2 },
          { variant_id: fixture.variants.mug_white, quantity: 1 },
        ],
      })
      orderId = placed.id
      const read = await orderLines(container, orderId)
      shirt = read.items.find((i: any) => i.variant_id === fixture.variants.shirt_s).id
      mug = read.items.find((i: any) => i.variant_id === fixture.variants.mug_white).id
      await fulfil(container, orderId, [{ id: shirt, quantity: 2 }, { id: mug, quantity: 1 }], { delivered_days_ago: 2 })
      // The merchant captured the order's payment when it shipped: the order owes nothing.
      const [collection] = await collections()
      const {
        payment_collections: [withPayments],
      } = await adminOrder("id,payment_collections.payments.id")
      expect(collection.status).toEqual("authorized")
      await api.post(`/admin/payments/${withPayments.payments[0].id}/capture`, {}, { headers: admin.headers })
      await api.post(
        "/admin/aftersales/settings",
        { returns: { exchange_bonus: { kind: "percent", value: 5, as: "difference" } } },
        { headers: admin.headers }
      )
    })

    describe("POST /store/orders/:id/return-requests (dearer exchange)", () => {
      it("asks exactly the difference through Medusa's payment collection, and a replay reuses it", async () => {
        expect(await pendingDifference()).toEqual(0)
        const headers = { ...shopper.headers, "idempotency-key": "dearer-1" }
        const created = (await request(dearerBody(), headers)).data.return_request
        // New shirt 50 - bonus 1 (5% of the 20 eur mug) - returned mug 20 = 29.
        expect(created.payment).toEqual({
          payment_collection_id: expect.stringMatching(/^pay_col_/),
          amount: 29,
          currency_code: "eur",
          status: "not_paid",
          paid: false,
        })
        const replay = (await request(dearerBody(), headers)).data.return_request
        expect(replay.id).toEqual(created.id)
        expect(replay.payment.payment_collection_id).toEqual(created.payment.payment_collection_id)
        const open = (await collections()).filter((c: any) => c.status === "not_paid")
        expect(open).toEqual([expect.objectContaining({ id: created.payment.payment_collection_id, amount: 29 })])
      })

      it("asks nothing for a cheaper exchange: the refund is due when the item comes back, as core computes", async () => {
        // A 50 eur shirt for a 20 eur mug (bonus 2.5 off the mug).
        const created = (
          await request({
            resolution: "exchange",
            items: [{ id: shirt, quantity: 1 }],
            exchange_items: [{ variant_id: fixture.variants.mug_black, quantity: 1 }],
          })
        ).data.return_request
        expect(created.payment).toBeNull()
        // The new mug ships at once.
        const shipped = await fulfilNew(await newLine(created.exchange.id))
        expect(shipped.status).toEqual(200)
        await receiveAndCompleteReturnOrderWorkflow(container).run({
          input: { return_id: created.return.id, items: [{ id: shirt, quantity: 1 }] },
        })
        expect(await pendingDifference()).toBeCloseTo(-(50 - 17.5), 2)
      })

      it("refuses more new units than returned units, and fractions or negatives", async () => {
        const cases: [Record<string, unknown>, number, string][] = [
          [{ ...dearerBody(), exchange_items: [{ variant_id: fixture.variants.shirt_m, quantity: 2 }] }, 400, "exchange_exceeds_returned"],
          [
            {
              ...dearerBody(),
              exchange_items: [
                { variant_id: fixture.variants.shirt_m, quantity: 1 },
                { variant_id: fixture.variants.mug_black, quantity: 1 },
              ],
            },
            400,
            "exchange_exceeds_returned",
          ],
          [{ ...dearerBody(), exchange_items: [{ variant_id: fixture.variants.shirt_m, quantity: 0.5 }] }, 400, "invalid_data"],
          [{ ...dearerBody(), exchange_items: [{ variant_id: fixture.variants.shirt_m, quantity: -1 }] }, 400, "invalid_data"],
        ]
        for (const [body, status, code] of cases) {
          const res = await err(request(body))
          expect([res.status, res.data.code ?? res.data.type]).toEqual([status, code])
        }
        const records = await (container.resolve("return_rules") as any).listReturnRequests({ order_id: orderId })
        expect(records).toEqual([])
        // Two returned units for two new ones is fine.
        const ok = await request({
          resolution: "exchange",
          items: [{ id: shirt, quantity: 2 }],
          exchange_items: [
            { variant_id: fixture.variants.shirt_m, quantity: 1 },
            { variant_id: fixture.variants.mug_black, quantity: 1 },
          ],
        })
        expect(ok.data.return_request.exchange.id).toMatch(/^oexc_/)
      })
    })

    describe("POST /store/orders/:id/exchange-payment", () => {
      it("lets the exchange's new item be fulfilled only once the shopper paid the difference", async () => {
        const created = (await request(dearerBody())).data.return_request
        const lineId = await newLine(created.exchange.id)

        const refused = await err(fulfilNew(lineId))
        expect(refused.status).toEqual(400)
        expect(refused.data).toEqual({
          type: "not_allowed",
          message: expect.stringContaining(`Exchange ${created.exchange.id} cannot be fulfilled yet`),
        })
        // Core undid the fulfilment: the new item is still unfulfilled.
        const {
          items,
        } = await adminOrder("id,items.id,items.detail.fulfilled_quantity")
        expect(items.find((i: any) => i.id === lineId).detail.fulfilled_quantity).toEqual(0)

        const paid = await pay()
        expect(paid.status).toEqual(200)
        expect(paid.data.exchange_payment).toEqual({
          order_id: orderId,
          payment_collection_id: created.payment.payment_collection_id,
          amount: 29,
          currency_code: "eur",
          status: "completed",
          paid: true,
        })
        const {
          data: { return_request: after },
        } = await api.get(`/store/orders/${orderId}/return-options`, { headers: shopper.headers }).then((r: any) => ({
          data: { return_request: r.data.return_options.requests[0] },
        }))
        expect(after.payment).toEqual(expect.objectContaining({ status: "completed", paid: true }))

        const shipped = await fulfilNew(lineId)
        expect(shipped.status).toEqual(200)
        // When the mug comes back the order is square.
        await receiveAndCompleteReturnOrderWorkflow(container).run({
          input: { return_id: created.return.id, items: [{ id: mug, quantity: 1 }] },
        })
        expect(await pendingDifference()).toBeCloseTo(0, 2)
      })

      it("is idempotent: a retry or two at once pay once", async () => {
        const created = (await request(dearerBody())).data.return_request
        const both = await Promise.all([pay(), pay()])
        expect(both.map((r: any) => [r.status, r.data.exchange_payment.paid])).toEqual([
          [200, true],
          [200, true],
        ])
        const again = await pay()
        expect(again.data.exchange_payment).toEqual(
          expect.objectContaining({ payment_collection_id: created.payment.payment_collection_id, paid: true })
        )
        const {
          payment_collections,
        } = await adminOrder("id,payment_collections.id,payment_collections.status,payment_collections.payments.id,payment_collections.payments.captured_at")
        const exchangeCollection = payment_collections.find((c: any) => c.id === created.payment.payment_collection_id)
        expect(exchangeCollection.payments).toEqual([expect.objectContaining({ captured_at: expect.any(String) })])
        // The original collection and the exchange's: no second one for the exchange.
        expect(payment_collections.length).toEqual(2)
      })

      it("answers 404 to another shopper and 401 to anonymous callers, paying nothing", async () => {
        const created = (await request(dearerBody())).data.return_request
        const other = await createShopper(api, fixture.publishableKey)
        const foreign = await err(pay(undefined, other.headers))
        expect(foreign.status).toEqual(404)
        expect(foreign.data).toEqual({ type: "not_found", message: `Order with id: ${orderId} was not found` })
        const anonymous = await err(pay(undefined, { "x-publishable-api-key": fixture.publishableKey }))
        expect(anonymous.status).toEqual(401)
        const [collection] = (await collections()).filter((c: any) => c.id === created.payment.payment_collection_id)
        expect(collection.status).toEqual("not_paid")
      })

      it("refuses an order without a dearer exchange, bad bodies and unknown providers with a 400", async () => {
        const nothing = await err(pay())
        expect([nothing.status, nothing.data.type]).toEqual([400, "not_allowed"])
        await request(dearerBody())
        for (const body of [{}, { provider_id: "" }, { provider_id: "pp_system_default", extra: 1 }, { provider_id: 5 }]) {
          const res = await err(pay(body))
          expect([res.status, res.data.type]).toEqual([400, "invalid_data"])
        }
        const unknown = await err(pay({ provider_id: "pp_nope" }))
        expect(unknown.status).toEqual(400)
      })
    })
  },
})
