import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"

jest.setTimeout(60 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: CommerceFixture

    beforeEach(async () => {
      fixture = await createCommerceFixture(getContainer())
    })

    describe("a storefront checkout with the plugin installed", () => {
      it("places an order for a logged-in shopper in EUR", async () => {
        const shopper = await createShopper(api, fixture.publishableKey)
        const order = await placeOrder(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
        })
        expect(order.id).toMatch(/^order_/)
        // The shopper sees it in their account, with the totals core computed.
        const {
          data: { order: mine },
        } = await api.get(`/store/orders/${order.id}?fields=+customer_id,+total`, {
          headers: shopper.headers,
        })
        expect(mine).toEqual(
          expect.objectContaining({
            customer_id: shopper.customerId,
            currency_code: "eur",
            item_total: 100,
            shipping_total: 10,
            total: 110,
          })
        )
      })

      it("places a guest order in TRY with 20% VAT", async () => {
        const order = await placeOrder(
          api,
          fixture,
          { "x-publishable-api-key": fixture.publishableKey },
          { region: "tr", items: [{ variant_id: fixture.variants.mug_black, quantity: 1 }] }
        )
        expect(order.currency_code).toEqual("try")
        expect(order.item_total).toEqual(720)
        expect(order.shipping_total).toEqual(360)
        expect(order.total).toEqual(1080)
      })
    })
  },
})
