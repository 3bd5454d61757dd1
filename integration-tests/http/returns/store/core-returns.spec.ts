import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../../../helpers/admin"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../../helpers/commerce"
import { createShopper } from "../../../helpers/store"
import { createReturnShippingOption, fulfil, orderLines } from "../fixtures"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }
    let shopper: { headers: Record<string, string> }
    let orderId: string
    let shirtId: string
    let returnOptionId: string

    const err = (p: Promise<any>) =>
      p.then(
        (r) => {
          throw new Error(`expected an error, got ${r.status}: ${JSON.stringify(r.data)}`)
        },
        (e) => e.response
      )
    const coreReturn = (headers: Record<string, string>, items: Record<string, unknown>[] = [{ id: shirtId, quantity: 1 }]) =>
      api.post("/store/returns", { order_id: orderId, items, return_shipping: { option_id: returnOptionId } }, { headers })
    const coreReturnWith = (headers: Record<string, string>, extra: Record<string, unknown>) =>
      api.post(
        "/store/returns",
        { order_id: orderId, items: [{ id: shirtId, quantity: 1 }], return_shipping: { option_id: returnOptionId }, ...extra },
        { headers }
      )
    /** Every return row of the order, read from the Order module's tables, not through the Store API. */
    const returnRows = () =>
      container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "return", fields: ["id", "status", "received_at", "location_id"], filters: { order_id: orderId } })
        .then((r: any) => r.data)
    const returnsOfOrder = () =>
      api
        .get(`/admin/returns?order_id=${orderId}&fields=id,status`, { headers: admin.headers })
        .then((r: any) => r.data.returns)

    beforeEach(async () => {
      container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      shopper = await createShopper(api, fixture.publishableKey)
      const order = await placeOrder(api, fixture, shopper.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
      })
      orderId = order.id
      shirtId = (await orderLines(container, orderId)).items[0].id
      returnOptionId = await createReturnShippingOption(container, fixture)
    })

    describe("POST /store/returns (core route, guarded by the return rules)", () => {
      it("creates the return for the logged-in owner inside the window", async () => {
        await fulfil(container, orderId, [{ id: shirtId, quantity: 2 }], { delivered_days_ago: 3 })
        const res = await coreReturn(shopper.headers)
        expect(res.status).toEqual(200)
        expect(res.data.return).toEqual(expect.objectContaining({ id: expect.stringMatching(/^return_/), order_id: orderId }))
        expect(await returnsOfOrder()).toEqual([expect.objectContaining({ id: res.data.return.id })])
      })

      it("refuses anonymous callers (401) and other shoppers (404), creating nothing", async () => {
        await fulfil(container, orderId, [{ id: shirtId, quantity: 2 }], { delivered_days_ago: 3 })
        const anonymous = await err(coreReturn({ "x-publishable-api-key": fixture.publishableKey }))
        expect(anonymous.status).toEqual(401)
        const other = await createShopper(api, fixture.publishableKey)
        const foreign = await err(coreReturn(other.headers))
        expect(foreign.status).toEqual(404)
        expect(foreign.data).toEqual({ type: "not_found", message: `Order with id: ${orderId} was not found` })
        expect(await returnsOfOrder()).toEqual([])
      })

      it("refuses outside the window, a final sale, an exchange-only reason and too many units", async () => {
        await fulfil(container, orderId, [{ id: shirtId, quantity: 2 }], { delivered_days_ago: 31 })
        const late = await err(coreReturn(shopper.headers))
        expect([late.status, late.data.type, late.data.code]).toEqual([400, "not_allowed", "window_closed"])

        await api.post("/admin/aftersales/settings", { returns: { window_days: 60 } }, { headers: admin.headers })
        const tooMany = await err(coreReturn(shopper.headers, [{ id: shirtId, quantity: 3 }]))
        expect([tooMany.status, tooMany.data.code]).toEqual([400, "nothing_left_to_return"])

        const {
          data: { return_reason },
        } = await api.post("/admin/return-reasons", { value: "changed_mind", label: "Changed my mind" }, { headers: admin.headers })
        await api.post("/admin/aftersales/settings", { returns: { reasons: { changed_mind: "exchange_only" } } }, { headers: admin.headers })
        const reason = await err(coreReturn(shopper.headers, [{ id: shirtId, quantity: 1, reason_id: return_reason.id }]))
        expect([reason.status, reason.data.code]).toEqual([400, "reason_exchange_only"])

        const {
          data: { product_tag },
        } = await api.post("/admin/product-tags", { value: "outlet" }, { headers: admin.headers })
        await api.post(`/admin/products/${fixture.products[0].id}`, { tags: [{ id: product_tag.id }] }, { headers: admin.headers })
        await api.post(
          "/admin/aftersales/settings",
          { returns: { overrides: [{ tag_id: product_tag.id, final_sale: true }] } },
          { headers: admin.headers }
        )
        const finalSale = await err(coreReturn(shopper.headers))
        expect([finalSale.status, finalSale.data.code]).toEqual([400, "final_sale"])
        expect(finalSale.data.message).toContain(shirtId)

        expect(await returnsOfOrder()).toEqual([])
      })

      it("refuses a malformed body: 400, not 500", async () => {
        const res = await err(api.post("/store/returns", { order_id: orderId }, { headers: shopper.headers }))
        expect(res.status).toEqual(400)
        expect(res.data).toEqual(expect.objectContaining({ type: "invalid_data", message: expect.any(String) }))
      })

      it("refuses a fractional quantity from the owner and from another shopper, creating nothing", async () => {
        await fulfil(container, orderId, [{ id: shirtId, quantity: 2 }], { delivered_days_ago: 3 })
        const owner = await err(coreReturn(shopper.headers, [{ id: shirtId, quantity: 1.5 }]))
        expect(owner.status).toEqual(400)
        expect(owner.data).toEqual({ type: "invalid_data", message: expect.stringContaining("items.0.quantity") })

        // The reproduced defect: a stranger's fractional quantity got past the owner check.
        const other = await createShopper(api, fixture.publishableKey)
        const stranger = await err(coreReturn(other.headers, [{ id: shirtId, quantity: 1.5 }]))
        expect(stranger.status).toEqual(400)
        expect(stranger.data).toEqual({ type: "invalid_data", message: expect.stringContaining("items.0.quantity") })
        expect(await returnRows()).toEqual([])
      })

      it.each([
        ["zero", 0],
        ["negative", -1],
        ["huge", 1e20],
        ["beyond what is returnable", 1_000_000],
        ["a string", "1"],
        ["null", null],
      ])("refuses a %s quantity from the owner and from another shopper, creating nothing", async (_case, quantity) => {
        await fulfil(container, orderId, [{ id: shirtId, quantity: 2 }], { delivered_days_ago: 3 })
        const other = await createShopper(api, fixture.publishableKey)
        for (const headers of [shopper.headers, other.headers]) {
          const res = await err(coreReturn(headers, [{ id: shirtId, quantity }]))
          expect(res.status).toEqual(quantity === 1_000_000 && headers === other.headers ? 404 : 400)
          expect(res.data).toEqual(expect.objectContaining({ type: expect.any(String), message: expect.any(String) }))
        }
        expect(await returnRows()).toEqual([])
      })

      it.each([
        ["receive_now", { receive_now: true }],
        ["receive_now: false", { receive_now: false }],
        ["location_id", { location_id: "__location__" }],
        ["a refund amount", { refund_amount: 1000 }],
        ["additional_data", { additional_data: { x: 1 } }],
        ["a return shipping price", { return_shipping: { option_id: "__option__", price: 0 } }],
        ["a negative return shipping price", { return_shipping: { option_id: "__option__", price: -50 } }],
        ["an unknown item field", { items: [{ id: "__shirt__", quantity: 1, unit_price: 0 }] }],
      ])("refuses %s from the shopper with a 400 naming it, creating nothing", async (field, extra) => {
        await fulfil(container, orderId, [{ id: shirtId, quantity: 2 }], { delivered_days_ago: 3 })
        const body = JSON.parse(
          JSON.stringify(extra)
            .replace("__location__", fixture.stockLocationId)
            .replace("__option__", returnOptionId)
            .replace("__shirt__", shirtId)
        )
        const res = await err(coreReturnWith(shopper.headers, body))
        expect(res.status).toEqual(400)
        const name = field.startsWith("receive_now")
          ? "receive_now"
          : field === "location_id"
            ? "location_id"
            : field === "a refund amount"
              ? "refund_amount"
              : field === "additional_data"
                ? "additional_data"
                : field === "an unknown item field"
                  ? "unit_price"
                  : "price"
        expect(res.data).toEqual({ type: "invalid_data", message: expect.stringContaining(name) })
        expect(await returnRows()).toEqual([])
      })

      it("refuses a shipping option that is not a return option, creating nothing", async () => {
        await fulfil(container, orderId, [{ id: shirtId, quantity: 2 }], { delivered_days_ago: 3 })
        for (const optionId of [fixture.shippingOptionId, "so_nope"]) {
          const res = await err(coreReturnWith(shopper.headers, { return_shipping: { option_id: optionId } }))
          expect(res.status).toEqual(400)
          expect(res.data).toEqual({ type: "invalid_data", message: expect.stringContaining(optionId) })
        }
        expect(await returnRows()).toEqual([])
      })

      it("refuses a line already returned and received, which core alone would take back again", async () => {
        await fulfil(container, orderId, [{ id: shirtId, quantity: 2 }], { delivered_days_ago: 3 })
        const first = await coreReturn(shopper.headers, [{ id: shirtId, quantity: 2 }])
        await api.post(`/admin/returns/${first.data.return.id}/receive`, {}, { headers: admin.headers })
        await api.post(
          `/admin/returns/${first.data.return.id}/receive-items`,
          { items: [{ id: shirtId, quantity: 2 }] },
          { headers: admin.headers }
        )
        await api.post(`/admin/returns/${first.data.return.id}/receive/confirm`, {}, { headers: admin.headers })
        const again = await err(coreReturn(shopper.headers, [{ id: shirtId, quantity: 1 }]))
        expect([again.status, again.data.code]).toEqual([400, "nothing_left_to_return"])
        expect((await returnRows()).map((r: any) => r.id)).toEqual([first.data.return.id])
      })

      it("lets only one of two simultaneous returns of the same units through", async () => {
        await fulfil(container, orderId, [{ id: shirtId, quantity: 2 }], { delivered_days_ago: 3 })
        const results = await Promise.allSettled([
          coreReturn(shopper.headers, [{ id: shirtId, quantity: 2 }]),
          coreReturn(shopper.headers, [{ id: shirtId, quantity: 2 }]),
        ])
        expect(results.filter((r) => r.status === "fulfilled").length).toEqual(1)
        const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult
        expect(refused.reason.response.status).toEqual(400)
        expect(await returnRows()).toEqual([expect.objectContaining({ status: "requested" })])
      })

      it("accepts the fields it checks: a note, an item note and a reason, as core stores them", async () => {
        await fulfil(container, orderId, [{ id: shirtId, quantity: 2 }], { delivered_days_ago: 3 })
        const {
          data: { return_reason },
        } = await api.post("/admin/return-reasons", { value: "too_small", label: "Too small" }, { headers: admin.headers })
        const res = await coreReturnWith(shopper.headers, {
          note: "Left at the door",
          items: [{ id: shirtId, quantity: 1, reason_id: return_reason.id, note: "Runs small" }],
        })
        expect(res.status).toEqual(200)
        const [row] = await returnRows()
        expect(row).toEqual(expect.objectContaining({ id: res.data.return.id, status: "requested", received_at: null }))
      })
    })
  },
})
