import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../../helpers/admin"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { readUntil } from "../../helpers/eventually"
import { createShopper } from "../../helpers/store"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      fixture = await createCommerceFixture(getContainer())
      admin = await createAdminUser(getContainer(), api)
    })

    describe("GET /admin/orders/:id/aftersales", () => {
      it("answers the points, tickets, delivery promise and return options of an order", async () => {
        const shopper = await createShopper(api, fixture.publishableKey)
        const order = await placeOrder(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
        })
        await api.post(
          "/store/support-tickets",
          { order_id: order.id, category: "damaged", subject: "Torn seam", body: "The seam is torn." },
          { headers: shopper.headers }
        )

        // order.placed subscribers (points, delivery promise) run after the response.
        const { data: body } = await readUntil(
          () => api.get(`/admin/orders/${order.id}/aftersales`, { headers: admin.headers }),
          (res: any) => res.data.loyalty.points_earned > 0 && !!res.data.delay
        )

        expect(body).toEqual(
          expect.objectContaining({
            order_id: order.id,
            loyalty: expect.objectContaining({
              // 100 EUR of items at 1 point per euro; shipping does not earn by default.
              points_earned: 100,
              points_redeemed: 0,
              entries: [expect.objectContaining({ type: "earn", points: 100, status: "pending" })],
            }),
            tickets: [
              expect.objectContaining({
                id: expect.stringMatching(/^stkt_/),
                number: "#1001",
                subject: "Torn seam",
                category: "damaged",
                status: "open",
              }),
            ],
            gestures: [],
            delay: expect.objectContaining({ status: "open", late_stage: null }),
            return_options: expect.objectContaining({
              order_id: order.id,
              lines: [expect.objectContaining({ quantity: 2, returnable: false })],
            }),
          })
        )
      })

      it("answers 404 for an unknown order", async () => {
        const err = await api
          .get("/admin/orders/order_nope/aftersales", { headers: admin.headers })
          .catch((e: any) => e)
        expect(err.response.status).toEqual(404)
        expect(err.response.data).toEqual({
          type: "not_found",
          message: "Order with id: order_nope was not found",
        })
      })

      it("is for admins only", async () => {
        const err = await api.get("/admin/orders/order_nope/aftersales").catch((e: any) => e)
        expect(err.response.status).toEqual(401)
      })
    })
  },
})
