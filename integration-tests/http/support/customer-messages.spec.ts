import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { renderNotification } from "../../../src/notifications/render"
import AftersalesSettingsService from "../../../src/modules/aftersales_settings/service"
import DelayWatchService from "../../../src/modules/delay_watch/service"
import { AftersalesModules } from "../../../src/types/modules"
import { runDelayScan } from "../../../src/workflows/delays"
import { createAdminUser } from "../../helpers/admin"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { eventually, readUntil } from "../../helpers/eventually"
import { createShopper } from "../../helpers/store"

jest.setTimeout(600 * 1000)

const HOUR = 3600 * 1000

/**
 * Who the plugin writes to and in which language (issue #14 items 3 and 7), and a shopper's
 * reply racing an agent's resolution (item 4). Real store, real HTTP, the local notification
 * provider records what was sent.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string>; userId: string }

    const notifications = () => getContainer().resolve(Modules.NOTIFICATION)
    const watches = () => getContainer().resolve<DelayWatchService>(AftersalesModules.DELAY_WATCH)

    beforeEach(async () => {
      const container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      const settings = container.resolve<AftersalesSettingsService>(AftersalesModules.SETTINGS)
      // The scheduled scan stays out of the way: the tests run it themselves.
      await settings.updateSettings({ delays: { scan_every_minutes: 1440 } })
    })

    async function sent(filter: Record<string, unknown>) {
      return (await notifications().listNotifications(filter as any)) as {
        to: string
        template: string
        data: Record<string, any>
      }[]
    }

    /** What the shopper read: the template rendered with the data and language sent. */
    const rendered = (mail: { template: string; data: Record<string, any> }) =>
      renderNotification(mail.template, mail.data.locale, mail.data)

    async function makeLate(orderId: string) {
      const watch = await readUntil(() => watches().retrieveWatchByOrder(orderId), (w) => !!w)
      await watches().updateDelayWatches({ id: watch!.id, ship_by: new Date(Date.now() - HOUR) })
      await runDelayScan(getContainer())
    }

    describe("item 3: order matters go to the order's email, account matters to the account's", () => {
      it("writes a guest's delay to the email an admin corrected on the order, never telling them to use an account", async () => {
        const guestHeaders = { "x-publishable-api-key": fixture.publishableKey }
        const order = await placeOrder(api, fixture, guestHeaders, {
          email: "ayse@exmaple.com",
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
        })
        await api.post(`/admin/orders/${order.id}`, { email: "ayse@example.com" }, { headers: admin.headers })

        await makeLate(order.id)
        const [mail] = await eventually(async () => {
          const mails = await sent({ template: "aftersales.delays.detected", resource_id: order.id })
          expect(mails).toHaveLength(1)
          return mails
        })
        expect(mail.to).toEqual("ayse@example.com")
        expect(rendered(mail).text).not.toMatch(/account/i)
        expect(rendered(mail).text).toMatch(/reply to this email/)
      })

      it("answers a registered shopper's ticket about an order at the order's email, and their points at the account's", async () => {
        const shopper = await createShopper(api, fixture.publishableKey)
        const order = await placeOrder(api, fixture, shopper.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
        })
        await api.post(`/admin/orders/${order.id}`, { email: "deliveries@example.com" }, { headers: admin.headers })
        const {
          data: { ticket },
        } = await api.post(
          "/store/support-tickets",
          { category: "damaged", subject: "Torn shirt", body: "It arrived torn", order_id: order.id },
          { headers: shopper.headers }
        )
        await api.post(`/admin/support-tickets/${ticket.id}/messages`, { body: "We are on it" }, { headers: admin.headers })

        const [reply] = await sent({ template: "aftersales.support.agent_reply", resource_id: ticket.id })
        expect(reply.to).toEqual("deliveries@example.com")
        expect(rendered(reply).text).toMatch(/from your account/)

        const [points] = await eventually(async () => {
          const mails = await sent({ template: "aftersales.loyalty.points_earned", receiver_id: shopper.customerId })
          expect(mails).toHaveLength(1)
          return mails
        })
        expect(points.to).toEqual(shopper.email)
      })
    })

    describe("item 7: one language per customer", () => {
      it("writes points, replies and resolutions in the language of the customer's first order, for later orders too", async () => {
        const shopper = await createShopper(api, fixture.publishableKey)
        const tryOrder = await placeOrder(api, fixture, shopper.headers, {
          region: "tr",
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
        })
        const [earned] = await eventually(async () => {
          const mails = await sent({ template: "aftersales.loyalty.points_earned", receiver_id: shopper.customerId })
          expect(mails).toHaveLength(1)
          return mails
        })
        expect(earned.data.locale).toEqual("tr")

        // A ticket with no order, an agent's reply and the resolution: the same language.
        const {
          data: { ticket },
        } = await api.post(
          "/store/support-tickets",
          { category: "other", subject: "Fatura", body: "Faturamı alabilir miyim?" },
          { headers: shopper.headers }
        )
        await api.post(`/admin/support-tickets/${ticket.id}/messages`, { body: "Elbette" }, { headers: admin.headers })
        await api.post(`/admin/support-tickets/${ticket.id}/resolve`, { outcome: "answered", gesture: "none" }, { headers: admin.headers })
        const [reply] = await sent({ template: "aftersales.support.agent_reply", resource_id: ticket.id })
        const [resolved] = await eventually(async () => {
          const mails = await sent({ template: "aftersales.support.resolved", resource_id: ticket.id })
          expect(mails).toHaveLength(1)
          return mails
        })
        expect({ reply: reply.data.locale, resolved: resolved.data.locale }).toEqual({ reply: "tr", resolved: "tr" })
        expect(rendered(reply).subject).toMatch(/numaralı talebinize yeni yanıt/)

        // A later euro order does not switch the customer to English.
        const eurOrder = await placeOrder(api, fixture, shopper.headers, {
          region: "eu",
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 2 }],
        })
        const later = await eventually(async () => {
          const mails = await sent({ template: "aftersales.loyalty.points_earned", receiver_id: shopper.customerId })
          expect(mails).toHaveLength(2)
          return mails
        })
        expect(later.map((m) => m.data.locale)).toEqual(["tr", "tr"])
        expect([tryOrder.currency_code, eurOrder.currency_code]).toEqual(["try", "eur"])
      })

      it("takes the language of the customer's first order when no message went out for it, not of a later one", async () => {
        // A guest earns no points, so neither order sends a message until the euro order is late.
        const guestHeaders = { "x-publishable-api-key": fixture.publishableKey }
        const email = `first-order-${Date.now()}@example.com`
        const tryOrder = await placeOrder(api, fixture, guestHeaders, {
          region: "tr",
          email,
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
        })
        const eurOrder = await placeOrder(api, fixture, guestHeaders, {
          region: "eu",
          email,
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
        })
        expect(eurOrder.customer_id).toEqual(tryOrder.customer_id)

        await makeLate(eurOrder.id)
        const [mail] = await eventually(async () => {
          const mails = await sent({ template: "aftersales.delays.detected", resource_id: eurOrder.id })
          expect(mails).toHaveLength(1)
          return mails
        })
        expect({ to: mail.to, locale: mail.data.locale }).toEqual({ to: email, locale: "tr" })
      })

      it("keeps the language the storefront set on the customer", async () => {
        const shopper = await createShopper(api, fixture.publishableKey, undefined, { metadata: { locale: "en-GB" } })
        await placeOrder(api, fixture, shopper.headers, {
          region: "tr",
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
        })
        const [earned] = await eventually(async () => {
          const mails = await sent({ template: "aftersales.loyalty.points_earned", receiver_id: shopper.customerId })
          expect(mails).toHaveLength(1)
          return mails
        })
        expect(earned.data.locale).toEqual("en")
      })
    })

    describe("item 4: a shopper's reply while an agent resolves", () => {
      it("is never lost: it lands before the resolution, or after it and reopens the ticket (several tries)", async () => {
        const shopper = await createShopper(api, fixture.publishableKey)
        const outcomes: string[] = []
        for (let i = 0; i < 6; i++) {
          const {
            data: { ticket },
          } = await api.post(
            "/store/support-tickets",
            { category: "other", subject: `Question ${i}`, body: "Hello?" },
            { headers: shopper.headers }
          )
          const [resolved, replied] = await Promise.allSettled([
            api.post(`/admin/support-tickets/${ticket.id}/resolve`, { outcome: "answered", gesture: "none" }, { headers: admin.headers }),
            api.post(`/store/support-tickets/${ticket.id}/messages`, { body: `One more thing ${i}` }, { headers: shopper.headers }),
          ])
          expect([resolved.status, replied.status]).toEqual(["fulfilled", "fulfilled"])

          const {
            data: { ticket: after },
          } = await api.get(`/admin/support-tickets/${ticket.id}`, { headers: admin.headers })
          const reply = after.messages.find((m: any) => m.body === `One more thing ${i}`)
          expect(reply).toBeDefined()
          if (after.status === "resolved") {
            // Resolved: the reply must be one the agent had before resolving.
            expect(new Date(reply.created_at).getTime()).toBeLessThanOrEqual(new Date(after.resolved_at).getTime())
            outcomes.push("before")
          } else {
            expect(after.status).toEqual("open")
            outcomes.push("reopened")
          }
        }
        expect(outcomes).toHaveLength(6)
      })
    })
  },
})
