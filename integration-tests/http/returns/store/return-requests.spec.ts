import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow, receiveAndCompleteReturnOrderWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CommerceFixture } from "../../../helpers/commerce"
import { createShopper } from "../../../helpers/store"
import { createReturnRequestWorkflow } from "../../../../src/workflows/returns"
import { createReturnShippingOption, daysAgo, fulfil, OrderLine, placeReturnableOrder } from "../fixtures"

jest.setTimeout(120 * 1000)

const DAY = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }
    let shopper: { headers: Record<string, string>; customerId: string; email: string }
    let order: { id: string; created_at: string }
    /** Line ids of the order: 2 shirts S (50 eur) and 1 white mug (20 eur). */
    let shirt: OrderLine
    let mug: OrderLine

    const err = (p: Promise<any>) => p.then(
      (r) => {
        throw new Error(`expected an error, got ${r.status}: ${JSON.stringify(r.data)}`)
      },
      (e) => e.response
    )
    const settings = (returns: Record<string, unknown>) =>
      api.post("/admin/aftersales/settings", { returns }, { headers: admin.headers })
    const options = (headers = shopper.headers) =>
      api.get(`/store/orders/${order.id}/return-options`, { headers }).then((r: any) => r.data.return_options)
    const request = (body: Record<string, unknown>, headers: Record<string, string> = shopper.headers) =>
      api.post(`/store/orders/${order.id}/return-requests`, body, { headers })
    const adminOrder = (fields: string) =>
      api
        .get(`/admin/orders/${order.id}?fields=${fields}`, { headers: admin.headers })
        .then((r: any) => r.data.order)
    const returnsOfOrder = () =>
      api
        .get(`/admin/returns?order_id=${order.id}&fields=id,status`, { headers: admin.headers })
        .then((r: any) => r.data.returns)
    const exchangesOfOrder = () =>
      api
        .get(`/admin/exchanges?order_id=${order.id}&fields=id,canceled_at`, { headers: admin.headers })
        .then((r: any) => r.data.exchanges)
    const requestRecords = () =>
      (container.resolve("return_rules") as any).listReturnRequests({ order_id: order.id })
    const line = (opts: any, id: string) => opts.lines.find((l: any) => l.item_id === id)

    beforeEach(async () => {
      container = getContainer()
      ;({ fixture, admin, shopper, order, shirt, mug } = await placeReturnableOrder(container, api))
    })

    describe("GET /store/orders/:id/return-options", () => {
      it("counts the window from delivery, else fulfilment, else the order date", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }], { shipped_days_ago: 12, delivered_days_ago: 10 })
        await fulfil(container, order.id, [{ id: mug.id, quantity: 1 }], { shipped_days_ago: 40 })

        let opts = await options()
        const deliveredAt = line(opts, shirt.id).window.starts_at
        expect(line(opts, shirt.id)).toEqual(
          expect.objectContaining({
            returnable: true,
            returnable_quantity: 2,
            window: expect.objectContaining({ days: 30, starts_from: "delivery", open: true }),
          })
        )
        expect(Date.parse(line(opts, shirt.id).window.ends_at) - Date.parse(deliveredAt)).toEqual(30 * DAY)
        expect(Math.abs(Date.parse(deliveredAt) - daysAgo(10).getTime())).toBeLessThan(60 * 1000)
        // Not delivered: counted from the fulfilment (shipped 40 days ago), so closed.
        expect(line(opts, mug.id)).toEqual(
          expect.objectContaining({
            returnable: false,
            returnable_quantity: 0,
            reason: expect.objectContaining({ code: "window_closed" }),
            window: expect.objectContaining({ starts_from: "fulfillment", open: false }),
          })
        )

        await settings({ window_start: "fulfillment" })
        opts = await options()
        expect(line(opts, shirt.id).window.starts_from).toEqual("fulfillment")
        expect(Math.abs(Date.parse(line(opts, shirt.id).window.starts_at) - daysAgo(12).getTime())).toBeLessThan(60 * 1000)

        await settings({ window_start: "order" })
        opts = await options()
        for (const id of [shirt.id, mug.id]) {
          expect(line(opts, id).window).toEqual(
            expect.objectContaining({ starts_from: "order", starts_at: order.created_at, open: true })
          )
          expect(line(opts, id).returnable).toBe(true)
        }
      })

      it("applies overrides by product type, collection, category and tag, and final sale", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }, { id: mug.id, quantity: 1 }], { delivered_days_ago: 3 })
        const h = { headers: admin.headers }
        const {
          data: { product_type },
        } = await api.post("/admin/product-types", { value: "Apparel" }, h)
        const {
          data: { collection },
        } = await api.post("/admin/collections", { title: "Summer" }, h)
        const {
          data: { product_category },
        } = await api.post("/admin/product-categories", { name: "Shirts", is_active: true }, h)
        const {
          data: { product_tag },
        } = await api.post("/admin/product-tags", { value: "linen" }, h)
        const shirtProduct = fixture.products[0].id
        await api.post(
          `/admin/products/${shirtProduct}`,
          {
            type_id: product_type.id,
            collection_id: collection.id,
            categories: [{ id: product_category.id }],
            tags: [{ id: product_tag.id }],
          },
          h
        )

        for (const override of [
          { product_type_id: product_type.id },
          { collection_id: collection.id },
          { category_id: product_category.id },
          { tag_id: product_tag.id },
        ]) {
          await settings({ overrides: [{ ...override, window_days: 2 }] })
          const opts = await options()
          // The shirt was delivered 3 days ago: closed under a 2-day override; the mug keeps 30.
          expect([override, line(opts, shirt.id).window.days, line(opts, shirt.id).reason?.code]).toEqual([
            override,
            2,
            "window_closed",
          ])
          expect(line(opts, mug.id).window.days).toEqual(30)
          expect(line(opts, mug.id).returnable).toBe(true)
        }

        await settings({ overrides: [{ category_id: product_category.id, window_days: 90 }, { tag_id: product_tag.id, final_sale: true }] })
        const opts = await options()
        expect(line(opts, shirt.id)).toEqual(
          expect.objectContaining({
            returnable: false,
            final_sale: true,
            window: null,
            reason: expect.objectContaining({ code: "final_sale", message: expect.stringContaining(shirt.id) }),
          })
        )
        expect(line(opts, shirt.id).resolutions.map((r: any) => [r.type, r.allowed, r.reason.code])).toEqual([
          ["exchange", false, "final_sale"],
          ["store_credit", false, "final_sale"],
          ["refund", false, "final_sale"],
        ])
        expect(line(opts, mug.id).final_sale).toBe(false)
      })

      it("offers exchange first with its bonus, then store credit (needs the loyalty plugin), then refund", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }, { id: mug.id, quantity: 1 }], { delivered_days_ago: 1 })
        const {
          data: { return_reason },
        } = await api.post("/admin/return-reasons", { value: "changed_mind", label: "Changed my mind" }, { headers: admin.headers })
        await settings({
          reasons: { changed_mind: "exchange_only" },
          exchange_bonus: { kind: "percent", value: 10, as: "store_credit" },
          keep_item_below: { eur: 25 },
        })
        const opts = await options()
        expect(opts.currency_code).toEqual("eur")
        expect(opts.reasons).toEqual([
          { id: return_reason.id, value: "changed_mind", label: "Changed my mind", refund_allowed: false },
        ])
        const shirtLine = line(opts, shirt.id)
        expect(shirtLine.resolutions.map((r: any) => r.type)).toEqual(["exchange", "store_credit", "refund"])
        expect(shirtLine.resolutions[0]).toEqual({
          type: "exchange",
          allowed: true,
          bonus: expect.objectContaining({
            kind: "percent",
            value: 10,
            configured_as: "store_credit",
            as: "difference",
            amount: (shirt.unit_price * 10) / 100,
            note: expect.stringContaining("@medusajs/loyalty-plugin"),
          }),
        })
        expect(shirtLine.resolutions[1]).toEqual({
          type: "store_credit",
          allowed: false,
          reason: expect.objectContaining({ code: "store_credit_unavailable" }),
        })
        expect(shirtLine.resolutions[2]).toEqual({ type: "refund", allowed: true, exchange_only_reasons: ["changed_mind"] })
        // Keep-the-item: the 20 eur mug is under 25 eur, the 50 eur shirt is not.
        expect(line(opts, mug.id).keep_item).toBe(true)
        expect(shirtLine.keep_item).toBe(false)
      })

      it("says why an unsent line cannot be returned", async () => {
        const opts = await options()
        expect(line(opts, shirt.id)).toEqual(
          expect.objectContaining({ returnable: false, window: null, reason: expect.objectContaining({ code: "not_fulfilled" }) })
        )
      })

      it("answers 401 to anonymous callers and 404 for another shopper's or an unknown order", async () => {
        const anonymous = await err(
          api.get(`/store/orders/${order.id}/return-options`, { headers: { "x-publishable-api-key": fixture.publishableKey } })
        )
        expect(anonymous.status).toEqual(401)
        const other = await createShopper(api, fixture.publishableKey)
        const foreign = await err(api.get(`/store/orders/${order.id}/return-options`, { headers: other.headers }))
        expect(foreign.status).toEqual(404)
        expect(foreign.data).toEqual({ type: "not_found", message: `Order with id: ${order.id} was not found` })
        const unknown = await err(api.get(`/store/orders/order_nope/return-options`, { headers: shopper.headers }))
        expect(unknown.status).toEqual(404)
      })
    })

    describe("POST /store/orders/:id/return-requests", () => {
      it("creates a real Medusa return for a refund and tells the shopper", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }, { id: mug.id, quantity: 1 }], { delivered_days_ago: 2 })
        const {
          data: { return_reason },
        } = await api.post("/admin/return-reasons", { value: "too_small", label: "Too small" }, { headers: admin.headers })
        const res = await request({ resolution: "refund", items: [{ id: shirt.id, quantity: 1, reason_id: return_reason.id }] })
        expect(res.status).toEqual(200)
        const created = res.data.return_request
        expect(created).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^retreq_/),
            order_id: order.id,
            resolution: "refund",
            keep_item: false,
            exchange: null,
            items: [{ id: shirt.id, quantity: 1, reason_id: return_reason.id }],
            return: expect.objectContaining({ id: expect.stringMatching(/^return_/), status: "requested" }),
          })
        )
        const {
          data: { return: ret },
        } = await api.get(`/admin/returns/${created.return.id}?fields=id,status,order_id,*items`, { headers: admin.headers })
        expect(ret).toEqual(
          expect.objectContaining({
            order_id: order.id,
            status: "requested",
            items: [expect.objectContaining({ item_id: shirt.id, quantity: 1, reason_id: return_reason.id })],
          })
        )
        // One unit left to return; the request shows in the options with its outcome.
        const opts = await options()
        expect(line(opts, shirt.id).returnable_quantity).toEqual(1)
        expect(opts.requests).toEqual([expect.objectContaining({ id: created.id, return: expect.objectContaining({ status: "requested" }) })])

        const notifications = await container
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ template: "aftersales.returns.request_created" } as any)
        expect(notifications).toEqual([
          expect.objectContaining({ to: shopper.email, resource_id: created.id, receiver_id: shopper.customerId }),
        ])
      })

      it("creates a real Medusa exchange whose items and difference are right, bonus off the difference", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }, { id: mug.id, quantity: 1 }], { delivered_days_ago: 2 })
        const bonusPercent = 5
        await settings({ exchange_bonus: { kind: "percent", value: bonusPercent, as: "difference" } })
        const before = await adminOrder("id,summary.*")

        // The 20 eur mug for a 50 eur shirt M.
        const res = await request({
          resolution: "exchange",
          items: [{ id: mug.id, quantity: 1 }],
          exchange_items: [{ variant_id: fixture.variants.shirt_m, quantity: 1 }],
        })
        const created = res.data.return_request
        const bonus = (mug.unit_price * bonusPercent) / 100
        expect(created).toEqual(
          expect.objectContaining({
            resolution: "exchange",
            bonus_amount: bonus,
            exchange_items: [{ variant_id: fixture.variants.shirt_m, quantity: 1 }],
            exchange: expect.objectContaining({ id: expect.stringMatching(/^oexc_/) }),
            return: expect.objectContaining({ id: expect.stringMatching(/^return_/), status: "requested" }),
          })
        )

        const {
          data: { exchange },
        } = await api.get(
          `/admin/exchanges/${created.exchange.id}?fields=id,order_id,return_id,canceled_at,*additional_items,*additional_items.item,*return,*return.items`,
          { headers: admin.headers }
        )
        expect(exchange.order_id).toEqual(order.id)
        expect(exchange.return_id).toEqual(created.return.id)
        expect(exchange.canceled_at).toBeNull()
        expect(exchange.additional_items).toEqual([
          expect.objectContaining({
            quantity: 1,
            item: expect.objectContaining({ variant_id: fixture.variants.shirt_m, unit_price: 50 - bonus }),
          }),
        ])
        expect(exchange.return.items).toEqual([expect.objectContaining({ item_id: mug.id, quantity: 1 })])

        // Medusa settles the difference its own way: the new shirt (less the bonus) is owed at
        // once; the returned mug is credited when it is received. Net: shirt - bonus - mug.
        const afterExchange = await adminOrder("id,summary.*")
        expect(afterExchange.summary.pending_difference - before.summary.pending_difference).toBeCloseTo(50 - bonus, 2)
        await receiveAndCompleteReturnOrderWorkflow(container).run({
          input: { return_id: created.return.id, items: [{ id: mug.id, quantity: 1 }] },
        })
        const afterReceipt = await adminOrder("id,summary.*")
        expect(afterReceipt.summary.pending_difference - before.summary.pending_difference).toBeCloseTo(
          50 - bonus - mug.unit_price,
          2
        )
        expect((await exchangesOfOrder()).map((e: any) => e.id)).toEqual([created.exchange.id])
      })

      it("lets the shopper keep an item below the threshold: the return is received at once", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }, { id: mug.id, quantity: 1 }], { delivered_days_ago: 2 })
        await settings({ keep_item_below: { eur: 25 } })
        const kept = (await request({ resolution: "refund", items: [{ id: mug.id, quantity: 1 }] })).data.return_request
        expect(kept.keep_item).toBe(true)
        expect(kept.return.status).toEqual("received")
        const sent = (await request({ resolution: "refund", items: [{ id: shirt.id, quantity: 1 }] })).data.return_request
        expect(sent.keep_item).toBe(false)
        expect(sent.return.status).toEqual("requested")
      })

      it("counts a line's whole returned quantity against the threshold: single-unit requests do not keep every unit", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }, { id: mug.id, quantity: 1 }], { delivered_days_ago: 2 })
        // One shirt (50 eur) is under 75 eur; both shirts (100 eur) are not.
        await settings({ keep_item_below: { eur: 75 } })
        expect(line(await options(), shirt.id).keep_item).toBe(true)
        const first = (await request({ resolution: "refund", items: [{ id: shirt.id, quantity: 1 }] })).data.return_request
        expect(first.keep_item).toBe(true)
        expect(first.return.status).toEqual("received")

        // The second unit would bring the line's returned value to 100 eur: it must be sent back.
        expect(line(await options(), shirt.id).keep_item).toBe(false)
        const second = (await request({ resolution: "refund", items: [{ id: shirt.id, quantity: 1 }] })).data.return_request
        expect(second.keep_item).toBe(false)
        expect(second.return.status).toEqual("requested")
        const records = await requestRecords()
        expect(records.map((r: any) => r.keep_item).sort()).toEqual([false, true])
      })

      it("counts units returned through core's POST /store/returns against the threshold too", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }], { delivered_days_ago: 2 })
        const returnOptionId = await createReturnShippingOption(container, fixture)
        await api.post(
          "/store/returns",
          { order_id: order.id, items: [{ id: shirt.id, quantity: 1 }], return_shipping: { option_id: returnOptionId } },
          { headers: shopper.headers }
        )
        await settings({ keep_item_below: { eur: 75 } })
        const next = (await request({ resolution: "refund", items: [{ id: shirt.id, quantity: 1 }] })).data.return_request
        expect(next.keep_item).toBe(false)
        expect(next.return.status).toEqual("requested")
      })

      it("refuses a refund for an exchange-only reason and creates nothing, but allows the exchange", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }, { id: mug.id, quantity: 1 }], { delivered_days_ago: 2 })
        const {
          data: { return_reason },
        } = await api.post("/admin/return-reasons", { value: "changed_mind", label: "Changed my mind" }, { headers: admin.headers })
        await settings({ reasons: { changed_mind: "exchange_only" } })
        const refused = await err(request({ resolution: "refund", items: [{ id: shirt.id, quantity: 1, reason_id: return_reason.id }] }))
        expect(refused.status).toEqual(400)
        expect(refused.data).toEqual(
          expect.objectContaining({ type: "not_allowed", code: "reason_exchange_only", message: expect.stringContaining("changed_mind") })
        )
        expect(await returnsOfOrder()).toEqual([])
        expect(await requestRecords()).toEqual([])

        const ok = await request({
          resolution: "exchange",
          items: [{ id: shirt.id, quantity: 1, reason_id: return_reason.id }],
          exchange_items: [{ variant_id: fixture.variants.shirt_m, quantity: 1 }],
        })
        expect(ok.data.return_request.exchange.id).toMatch(/^oexc_/)
      })

      it.each([
        ["outside the window", "window_closed"],
        ["a final sale item", "final_sale"],
        ["store credit without the loyalty plugin", "store_credit_unavailable"],
        ["more than is left", "nothing_left_to_return"],
        ["an item not sent yet", "not_fulfilled"],
      ])("refuses %s with the reason and creates nothing", async (_case, code) => {
        let body: Record<string, unknown> = { resolution: "refund", items: [{ id: shirt.id, quantity: 1 }] }
        if (code !== "not_fulfilled") {
          await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }], { delivered_days_ago: code === "window_closed" ? 31 : 1 })
        }
        if (code === "final_sale") {
          const {
            data: { product_tag },
          } = await api.post("/admin/product-tags", { value: "outlet" }, { headers: admin.headers })
          await api.post(`/admin/products/${fixture.products[0].id}`, { tags: [{ id: product_tag.id }] }, { headers: admin.headers })
          await settings({ overrides: [{ tag_id: product_tag.id, final_sale: true }] })
        }
        if (code === "store_credit_unavailable") {
          body = { ...body, resolution: "store_credit" }
        }
        if (code === "nothing_left_to_return") {
          body = { ...body, items: [{ id: shirt.id, quantity: 3 }] }
        }
        const res = await err(request(body))
        expect(res.status).toEqual(400)
        expect(res.data).toEqual({ type: "not_allowed", code, message: expect.any(String) })
        expect(await returnsOfOrder()).toEqual([])
        expect(await exchangesOfOrder()).toEqual([])
        expect(await requestRecords()).toEqual([])
      })

      it("answers 401 to anonymous callers and 404 for another shopper's order, creating nothing", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }], { delivered_days_ago: 1 })
        const body = { resolution: "refund", items: [{ id: shirt.id, quantity: 1 }] }
        const anonymous = await err(request(body, { "x-publishable-api-key": fixture.publishableKey }))
        expect(anonymous.status).toEqual(401)
        const other = await createShopper(api, fixture.publishableKey)
        const foreign = await err(request(body, other.headers))
        expect(foreign.status).toEqual(404)
        expect(foreign.data).toEqual({ type: "not_found", message: `Order with id: ${order.id} was not found` })
        expect(await returnsOfOrder()).toEqual([])
      })

      it("lets only one of two simultaneous requests for the same last unit through", async () => {
        await fulfil(container, order.id, [{ id: mug.id, quantity: 1 }], { delivered_days_ago: 1 })
        const body = { resolution: "refund", items: [{ id: mug.id, quantity: 1 }] }
        const results = await Promise.allSettled([request(body), request(body)])
        const ok = results.filter((r) => r.status === "fulfilled")
        const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
        expect(ok.length).toEqual(1)
        expect(refused.length).toEqual(1)
        expect(refused[0].reason.response.status).toEqual(400)
        expect(refused[0].reason.response.data.code).toEqual("nothing_left_to_return")
        expect((await returnsOfOrder()).length).toEqual(1)
      })

      it("undoes everything when Medusa refuses mid-way, so the same order can still be returned", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }], { delivered_days_ago: 1 })
        // A variant with managed inventory and no stock: core's add-item step fails after the
        // exchange was begun and the item's return requested.
        const {
          result: [scarce],
        } = await createProductsWorkflow(container).run({
          input: {
            products: [
              {
                title: "Scarce scarf",
                status: "published",
                shipping_profile_id: fixture.shippingProfileId,
                sales_channels: [{ id: fixture.salesChannelId }],
                options: [{ title: "Size", values: ["One"] }],
                variants: [{ title: "Scarf", options: { Size: "One" }, manage_inventory: true, prices: [{ currency_code: "eur", amount: 30 }] }],
              },
            ],
          },
        })
        const failed = await err(
          request({
            resolution: "exchange",
            items: [{ id: shirt.id, quantity: 1 }],
            exchange_items: [{ variant_id: scarce.variants[0].id, quantity: 1 }],
          })
        )
        expect(failed.status).toBeGreaterThanOrEqual(400)
        expect(failed.status).toBeLessThan(500)
        expect(failed.data).toEqual(expect.objectContaining({ type: expect.any(String), message: expect.any(String) }))
        expect(await requestRecords()).toEqual([])
        expect((await exchangesOfOrder()).filter((e: any) => !e.canceled_at)).toEqual([])
        const opts = await options()
        expect(line(opts, shirt.id).returnable_quantity).toEqual(2)

        // The workflow itself, run without throwing: the error is reported and compensation
        // (record deleted, exchange and order change removed, lock released) has run.
        const { errors } = await createReturnRequestWorkflow(container).run({
          input: {
            order_id: order.id,
            customer_id: shopper.customerId,
            idempotency_key: "direct-1",
            resolution: "exchange",
            items: [{ id: shirt.id, quantity: 1 }],
            exchange_items: [{ variant_id: scarce.variants[0].id, quantity: 1 }],
          },
          throwOnError: false,
        })
        expect(errors).toEqual([expect.objectContaining({ action: expect.any(String), error: expect.objectContaining({ message: expect.any(String) }) })])
        expect(await requestRecords()).toEqual([])
        expect((await exchangesOfOrder()).filter((e: any) => !e.canceled_at)).toEqual([])

        const ok = await request({ resolution: "refund", items: [{ id: shirt.id, quantity: 2 }] })
        expect(ok.data.return_request.return.status).toEqual("requested")
      })

      it.each([
        [{}, "items"],
        [{ resolution: "refund", items: [] }, "items"],
        [{ resolution: "refund", items: [{ id: "x", quantity: 0 }] }, "items.0.quantity"],
        [{ resolution: "refund", items: [{ id: "x", quantity: 1.5 }] }, "items.0.quantity"],
        [{ resolution: "swap", items: [{ id: "x", quantity: 1 }] }, "resolution"],
        [{ resolution: "exchange", items: [{ id: "x", quantity: 1 }] }, "exchange_items"],
        [{ resolution: "refund", items: [{ id: "x", quantity: 1 }], exchange_items: [{ variant_id: "v", quantity: 1 }] }, "exchange_items"],
        [{ resolution: "refund", items: [{ id: "x", quantity: 1 }], extra: true }, ""],
      ])("refuses the body %j with a 400 naming %s", async (body, field) => {
        const res = await err(request(body))
        expect(res.status).toEqual(400)
        expect(res.data).toEqual({ type: "invalid_data", message: expect.stringContaining(`Invalid request: ${field}`) })
      })

      it("refuses unknown lines, reasons and variants with a 400 naming them", async () => {
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }], { delivered_days_ago: 1 })
        const cases: [Record<string, unknown>, string][] = [
          [{ resolution: "refund", items: [{ id: "ordli_nope", quantity: 1 }] }, "ordli_nope"],
          [{ resolution: "refund", items: [{ id: shirt.id, quantity: 1, reason_id: "rr_nope" }] }, "rr_nope"],
          [
            { resolution: "exchange", items: [{ id: shirt.id, quantity: 1 }], exchange_items: [{ variant_id: "variant_nope", quantity: 1 }] },
            "variant_nope",
          ],
        ]
        for (const [body, id] of cases) {
          const res = await err(request(body))
          expect([res.status, res.data.type, res.data.message]).toEqual([400, "invalid_data", expect.stringContaining(id)])
        }
        const badKey = await err(request(cases[0][0], { ...shopper.headers, "idempotency-key": "x".repeat(201) }))
        expect(badKey.status).toEqual(400)
        expect(await returnsOfOrder()).toEqual([])
      })
    })
  },
})
