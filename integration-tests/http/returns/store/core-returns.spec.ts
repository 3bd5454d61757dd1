import { MedusaContainer } from "@medusajs/framework/types"
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

      it("leaves a malformed body to core's validator: 400, not 500", async () => {
        const res = await err(api.post("/store/returns", { order_id: orderId }, { headers: shopper.headers }))
        expect(res.status).toEqual(400)
        expect(res.data).toEqual(expect.objectContaining({ type: "invalid_data", message: expect.any(String) }))
      })
    })
  },
})
