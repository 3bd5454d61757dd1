import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { approveGoodwillGestureWorkflow } from "../../../src/workflows/gestures"
import { createAdminUser } from "../../helpers/admin"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"
import { createSecretKey, errorOf, openDamagedTicket, pendingGesture } from "./fixtures"

jest.setTimeout(600 * 1000)

type Admin = { headers: Record<string, string>; userId: string; email: string }

// RBAC off (Medusa 2.21's default): a secret API key reaches every admin route, so the plugin
// itself keeps keys away from what moves money or points.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Admin
    let fixture: CommerceFixture
    let shopper: { headers: Record<string, string>; customerId: string }
    let order: { id: string }
    /** `Authorization: Basic …` with a secret API key the admin just created. */
    let keyHeaders: Record<string, string>
    let keyId: string

    const openTicket = () => openDamagedTicket(api, shopper.headers, order.id)
    const gestureOf = async (ticketId: string) =>
      (await api.get(`/admin/gestures?ticket_id=${ticketId}`, { headers: admin.headers })).data.gestures[0]
    /** A gesture above the approval threshold that `admin` asked for. */
    const askForGesture = async () => {
      const gesture = await pendingGesture(api, {
        adminHeaders: admin.headers,
        requesterHeaders: admin.headers,
        shopperHeaders: shopper.headers,
        orderId: order.id,
      })
      expect(gesture.requested_by).toEqual(admin.userId)
      return gesture
    }

    beforeEach(async () => {
      admin = await createAdminUser(getContainer(), api)
      fixture = await createCommerceFixture(getContainer())
      shopper = await createShopper(api, fixture.publishableKey)
      order = await placeOrder(api, fixture, shopper.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
      })
      const key = await createSecretKey(api, admin.headers)
      keyId = key.id
      keyHeaders = key.headers
    })

    describe("POST /admin/gestures/:id/approve", () => {
      it("refuses the requester's own secret API key (403) and issues on a second user's approval", async () => {
        const gesture = await askForGesture()
        // The key does work on the admin API: it reads.
        expect((await api.get("/admin/gestures", { headers: keyHeaders })).status).toEqual(200)

        const viaKey = await errorOf(api.post(`/admin/gestures/${gesture.id}/approve`, {}, { headers: keyHeaders }))
        expect(viaKey.status).toEqual(403)
        expect(viaKey.data).toEqual({
          type: "forbidden",
          message: "Approving a gesture must be done by a signed-in admin user, not with a secret API key",
        })
        expect(await gestureOf(gesture.ticket_id)).toEqual(
          expect.objectContaining({ status: "pending_approval", approved_by: null, promotion_id: null })
        )

        const second = await createAdminUser(getContainer(), api)
        const { status, data } = await api.post(`/admin/gestures/${gesture.id}/approve`, {}, { headers: second.headers })
        expect(status).toEqual(200)
        expect(data.gesture).toEqual(
          expect.objectContaining({ status: "issued", requested_by: admin.userId, approved_by: second.userId })
        )
      })

      it("refuses an approver that is no user even when the workflow is run directly", async () => {
        const gesture = await askForGesture()
        const { errors } = await approveGoodwillGestureWorkflow(getContainer()).run({
          input: { id: gesture.id, actor_id: keyId },
          throwOnError: false,
        })
        expect(errors[0].error).toEqual(
          expect.objectContaining({
            type: "not_allowed",
            message: `Gesture ${gesture.id} must be approved by a signed-in admin user; ${keyId} is not one`,
          })
        )
        expect(await gestureOf(gesture.ticket_id)).toEqual(expect.objectContaining({ status: "pending_approval" }))
      })
    })

    describe("other money-moving admin routes with a secret API key", () => {
      it("refuse point adjustments, settings changes and a resolution with a gesture (403)", async () => {
        const before = (await api.get("/admin/aftersales/settings", { headers: admin.headers })).data.settings
        const balance = async () =>
          (await api.get(`/admin/customers/${shopper.customerId}/loyalty`, { headers: admin.headers })).data.loyalty.balance
        const pointsBefore = await balance()
        const refused: [string, Record<string, unknown>, string][] = [
          [`/admin/customers/${shopper.customerId}/loyalty/adjustments`, { points: 500, reason: "gift" }, "Adjusting loyalty points"],
          ["/admin/aftersales/settings", { loyalty: { signup_bonus: 5000 } }, "Changing the aftersales settings"],
          [`/admin/support-tickets/${(await openTicket()).id}/resolve`, { outcome: "ok", gesture: "policy" }, "Resolving a ticket with a gesture"],
          [`/admin/support-tickets/${(await openTicket()).id}/resolve`, { outcome: "ok" }, "Resolving a ticket with a gesture"],
          [`/admin/support-tickets/${(await openTicket()).id}/resolve`, { outcome: "ok", gesture: { kind: "points", value: 900 } }, "Resolving a ticket with a gesture"],
        ]
        for (const [url, body, action] of refused) {
          const res = await errorOf(api.post(url, body, { headers: keyHeaders }))
          expect([url, res.status, res.data]).toEqual([
            url,
            403,
            { type: "forbidden", message: `${action} must be done by a signed-in admin user, not with a secret API key` },
          ])
        }
        expect((await api.get("/admin/aftersales/settings", { headers: admin.headers })).data.settings).toEqual(before)
        expect(await balance()).toEqual(pointsBefore)
        expect((await api.get("/admin/gestures", { headers: admin.headers })).data.count).toEqual(0)

        // A resolution that issues nothing moves nothing: a helpdesk integration's key may do it.
        const ticket = await openTicket()
        const none = await api.post(`/admin/support-tickets/${ticket.id}/resolve`, { outcome: "answered", gesture: "none" }, { headers: keyHeaders })
        expect(none.status).toEqual(200)
        expect(none.data).toEqual(expect.objectContaining({ gesture_id: null }))
      })
    })
  },
})
