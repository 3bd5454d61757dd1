import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import AftersalesSettingsService from "../../../src/modules/aftersales_settings/service"
import DelayWatchService from "../../../src/modules/delay_watch/service"
import { AftersalesModules } from "../../../src/types/modules"
import { runDelayScan } from "../../../src/workflows/delays"
import { createAdminUser } from "../../helpers/admin"
import { readUntil } from "../../helpers/eventually"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"

jest.setTimeout(240 * 1000)

const HOUR = 60 * 60 * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }

    const watches = () => getContainer().resolve<DelayWatchService>(AftersalesModules.DELAY_WATCH)
    const support = () => getContainer().resolve(AftersalesModules.SUPPORT) as any
    const gestures = () => getContainer().resolve(AftersalesModules.GESTURES) as any

    beforeEach(async () => {
      const container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      // The scheduled job scans only on the minutes that divide by this: keep it out of the way.
      const settings = container.resolve<AftersalesSettingsService>(AftersalesModules.SETTINGS)
      await settings.updateSettings({ delays: { scan_every_minutes: 1440 } })
    })

    /** An order of `shopper`, late to ship; answers its order id once the watch exists. */
    async function lateOrder(shopper: { headers: Record<string, string> }) {
      const order = await placeOrder(api, fixture, shopper.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
      })
      const watch = await readUntil(() => watches().retrieveWatchByOrder(order.id), (w) => !!w)
      await watches().updateDelayWatches({ id: watch!.id, ship_by: new Date(Date.now() - HOUR) })
      return order.id as string
    }

    const patchDelayPolicy = async (patch: Record<string, unknown>) => {
      const { data } = await api.get("/admin/aftersales/settings", { headers: admin.headers })
      const policies = data.settings.gestures.policies.map((p: any) => (p.category === "delay" ? { ...p, ...patch } : p))
      await api.post("/admin/aftersales/settings", { gestures: { policies } }, { headers: admin.headers })
    }

    describe("POST /store/support-tickets/:id/delay-choice under the monthly gesture budget", () => {
      it("gives the wait gesture to exactly one of three shoppers answering at once with room for one", async () => {
        const shoppers = await Promise.all([1, 2, 3].map(() => createShopper(api, fixture.publishableKey)))
        // Latency injection: booking a gesture is slow (a busy database), so the three answers
        // overlap between the budget check and the booking, as they do in production.
        const service = gestures()
        const create = service.createGestures.bind(service)
        const slow = jest.spyOn(service, "createGestures").mockImplementation(async (...args: unknown[]) => {
          await new Promise((r) => setTimeout(r, 500))
          return create(...args)
        })
        let spent = 0
        // The race is run more than once: a read-then-write budget passes it now and then.
        for (let round = 0; round < 2; round++) {
          // The delay gesture is 10% of the 60 EUR order: room for one (and a half).
          await patchDelayPolicy({ monthly_budget: { eur: spent + 9 }, max_per_customer_90d: 100 })
          const orderIds: string[] = []
          for (const shopper of shoppers) {
            orderIds.push(await lateOrder(shopper))
          }
          await runDelayScan(getContainer())
          const tickets = await Promise.all(
            orderIds.map(async (orderId) => (await support().listSupportTickets({ order_id: orderId, category: "delay" }))[0])
          )
          expect(tickets.map((t: any) => t?.source)).toEqual(["proactive", "proactive", "proactive"])

          const answers = await Promise.all(
            tickets.map((t: any, i: number) =>
              api.post(`/store/support-tickets/${t.id}/delay-choice`, { choice: "wait" }, { headers: shoppers[i].headers })
            )
          )
          // Every shopper's choice is recorded; only one gets a gesture, the budget refuses the rest.
          expect(answers.map((a) => a.data.delay_choice.choice)).toEqual(["wait", "wait", "wait"])
          const given = answers.map((a) => a.data.delay_choice.gesture_id).filter(Boolean)
          expect(given).toHaveLength(1)
          expect(given[0]).toMatch(/^gest_/)

          spent += 6
          const booked = await gestures().listGestures({ currency_code: "eur" })
          expect(booked).toHaveLength(round + 1)
          expect(booked.reduce((sum: number, g: any) => sum + Number(g.amount), 0)).toEqual(spent)
          const [gesture] = await gestures().listGestures({ id: given[0] })
          expect(gesture).toEqual(expect.objectContaining({ kind: "percentage", status: "issued", order_id: expect.any(String) }))
          expect(orderIds).toContain(gesture.order_id)
        }
        slow.mockRestore()
      })
    })
  },
})
