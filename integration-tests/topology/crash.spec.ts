import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import AftersalesSettingsService from "../../src/modules/aftersales_settings/service"
import DelayWatchService from "../../src/modules/delay_watch/service"
import LoyaltyPointsService from "../../src/modules/loyalty_points/service"
import { AftersalesModules } from "../../src/types/modules"
import { createAdminUser } from "../helpers/admin"
import { readUntil } from "../helpers/eventually"
import {
  addPaymentSession,
  CommerceFixture,
  completeCart,
  createCommerceFixture,
  placeOrder,
  prepareCart,
} from "../helpers/commerce"
import { createShopper } from "../helpers/store"
import { startTopologyProcess, topology } from "./test-runner"

jest.setTimeout(600 * 1000)

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const CHECKPOINTS = { AFTERSALES_TEST_CHECKPOINTS: "1" }

/**
 * Crash survival: the worker is killed (`kill -9`, its whole process group) at a named point
 * of its work (src/utils/pause-point.ts holds it there), then started again; the work is done
 * after the restart, and done once.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }
    let loyalty: LoyaltyPointsService

    beforeEach(async () => {
      container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      loyalty = container.resolve(AftersalesModules.LOYALTY_POINTS)
    })

    const reached = async (name: string, pid: number) =>
      (
        await dbConnection.raw("select count(*)::int as n from aftersales_test_checkpoint where name = ? and pid = ?", [
          name,
          pid,
        ])
      ).rows[0].n > 0

    /** Replaces the worker with one that stops for good at `pauseAt`; answers it once it is there. */
    async function workerPausedAt(pauseAt: string, env: Record<string, string> = {}) {
      await topology.worker?.stop()
      topology.worker = await startTopologyProcess("worker", {
        ...CHECKPOINTS,
        ...env,
        AFTERSALES_TEST_PAUSE_AT: pauseAt,
      })
      return topology.worker
    }

    async function killAndRestart(env: Record<string, string> = {}) {
      await topology.worker!.kill9()
      topology.worker = await startTopologyProcess("worker", { ...CHECKPOINTS, ...env })
    }

    it("order.placed: killed between the delivery promise and the points, the restarted worker finishes it once", async () => {
      const alice = await createShopper(api, fixture.publishableKey)
      await readUntil(() => loyalty.getAccountSummary(alice.customerId), (s) => s.balance > 0, 60000)
      await api.post(
        `/admin/customers/${alice.customerId}/loyalty/adjustments`,
        { points: 500, reason: "test credit" },
        { headers: admin.headers }
      )
      // A first order and a ticket about it resolved with the automatic goodwill coupon.
      const firstCart = await prepareCart(api, fixture, alice.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
      })
      const first = await completeCart(api, firstCart, alice.headers)
      const { data: opened } = await api.post(
        "/store/support-tickets",
        { category: "wrong_item", subject: "Wrong item", body: "Please help", order_id: first.order.id },
        { headers: alice.headers }
      )
      const { data: resolved } = await api.post(
        `/admin/support-tickets/${opened.ticket.id}/resolve`,
        { outcome: "sorry" },
        { headers: admin.headers }
      )
      const gesture = async () =>
        (await api.get(`/admin/gestures?ticket_id=${opened.ticket.id}`, { headers: admin.headers })).data.gestures[0]
      expect((await gesture()).id).toEqual(resolved.gesture_id)
      await readUntil(() => loyalty.listLoyaltyTransactions({ order_id: first.order.id, type: "earn" }), (e) => e.length === 1, 60000)

      const worker = await workerPausedAt("order-placed:after-delay-watch")
      // The second order: points and the coupon.
      const cartId = await prepareCart(api, fixture, alice.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
        promo_codes: [(await gesture()).code],
      })
      await api.post(`/store/carts/${cartId}/loyalty-points`, { points: 200 }, { headers: alice.headers })
      await addPaymentSession(api, cartId, alice.headers)
      const second = await completeCart(api, cartId, alice.headers)
      expect(second.type).toEqual("order")
      const orderId = second.order.id
      expect(await readUntil(() => reached("order-placed:after-delay-watch", worker.child.pid!), (r) => r, 60000)).toBe(true)

      // Held between the two steps: the promise is there, the points and the coupon are not yet.
      const watches = container.resolve<DelayWatchService>(AftersalesModules.DELAY_WATCH)
      expect(await watches.listDelayWatches({ order_id: orderId })).toHaveLength(1)
      expect(await loyalty.listLoyaltyTransactions({ order_id: orderId, type: "earn" })).toHaveLength(0)
      expect((await gesture()).status).toEqual("issued")

      await killAndRestart()
      // BullMQ hands the job the dead worker held to the new one once its lock lapses.
      const earned = await readUntil(
        () => loyalty.listLoyaltyTransactions({ order_id: orderId, type: "earn" }),
        (e) => e.length > 0,
        180000
      )
      expect(earned).toHaveLength(1)
      expect(await readUntil(gesture, (g) => g.status === "redeemed", 60000)).toEqual(
        expect.objectContaining({ status: "redeemed", redeemed_order_id: orderId })
      )
      expect(await watches.listDelayWatches({ order_id: orderId })).toHaveLength(1)
      const redeems = await loyalty.listLoyaltyTransactions({ customer_id: alice.customerId, type: "redeem" })
      expect(redeems.filter((r) => r.order_id === orderId)).toHaveLength(1)
      // Once: the notifications of the earned points too.
      const notifications = container.resolve(Modules.NOTIFICATION)
      const mails = await notifications.listNotifications({
        receiver_id: alice.customerId,
        template: "aftersales.loyalty.points_earned",
      })
      expect(mails.filter((m) => (m.data as { order_id?: string })?.order_id === orderId).length).toBeLessThanOrEqual(1)
      const summary = await loyalty.getAccountSummary(alice.customerId)
      const sums = await loyalty.sumLedger(alice.customerId)
      expect({ balance: summary.balance, pending: summary.pending }).toEqual({ balance: sums.balance, pending: sums.pending })
    })

    it("points-expiry: killed after a page of accounts, the next run finishes the job and expires nothing twice", async () => {
      const customers: string[] = []
      for (let i = 0; i < 3; i++) {
        customers.push((await createShopper(api, fixture.publishableKey)).customerId)
      }
      await readUntil(
        () => Promise.all(customers.map((c) => loyalty.getAccountSummary(c))),
        (all) => all.every((s) => s.balance > 0),
        60000
      )
      const before = await Promise.all(customers.map((c) => loyalty.getAccountSummary(c)))
      for (const customerId of customers) {
        await loyalty.addBonusPoints({
          customer_id: customerId,
          points: 30,
          reason: "expired",
          idempotency_key: `expired:${customerId}`,
          expires_at: new Date(Date.now() - DAY),
        })
        await loyalty.addBonusPoints({
          customer_id: customerId,
          points: 20,
          reason: "soon",
          idempotency_key: `soon:${customerId}`,
          expires_at: new Date(Date.now() + 5 * DAY),
        })
      }
      // The worker's schedule runs the job every few seconds; it stops after the first page.
      const schedule = { AFTERSALES_TEST_JOB_SCHEDULE: "*/5 * * * * *" }
      const worker = await workerPausedAt("points-expiry:after-page", schedule)
      expect(await readUntil(() => reached("points-expiry:after-page", worker.child.pid!), (r) => r, 90000)).toBe(true)
      const expiredAtCrash = await Promise.all(
        customers.map((c) => loyalty.listLoyaltyTransactions({ customer_id: c, type: "expire" }))
      )
      expect(expiredAtCrash.map((e) => e.length)).toEqual([1, 1, 1])
      const notifications = container.resolve(Modules.NOTIFICATION)
      const reminders = () =>
        Promise.all(
          customers.map((c) =>
            notifications.listNotifications({ receiver_id: c, template: "aftersales.loyalty.points_expiring" })
          )
        )
      expect((await reminders()).map((r) => r.length)).toEqual([0, 0, 0])

      await killAndRestart(schedule)
      const newPid = topology.worker!.child.pid!
      // Two whole runs of the new worker after the crash.
      await readUntil(
        async () =>
          (
            await dbConnection.raw(
              "select count(*)::int as n from aftersales_test_checkpoint where name = 'points-expiry:after-page' and pid = ?",
              [newPid]
            )
          ).rows[0].n,
        (n) => n >= 2,
        120000
      )
      const sent = await readUntil(reminders, (r) => r.every((x) => x.length > 0), 60000)
      expect(sent.map((r) => r.length)).toEqual([1, 1, 1])
      for (const [i, customerId] of customers.entries()) {
        const expiries = await loyalty.listLoyaltyTransactions({ customer_id: customerId, type: "expire" })
        expect(expiries.map((e) => Math.abs(e.points))).toEqual([30])
        expect((await loyalty.getAccountSummary(customerId)).balance).toEqual(before[i].balance + 20)
      }
    })

    it("delay-scan: killed between recording an incident and announcing it, the next scan announces it once", async () => {
      const watches = container.resolve<DelayWatchService>(AftersalesModules.DELAY_WATCH)
      const settings = container.resolve<AftersalesSettingsService>(AftersalesModules.SETTINGS)
      const support = container.resolve(AftersalesModules.SUPPORT) as {
        listSupportTickets: (filters: Record<string, unknown>) => Promise<{ id: string }[]>
      }
      const notifications = container.resolve(Modules.NOTIFICATION)
      // No scan yet: the job only scans on the minutes that divide by this.
      await settings.updateSettings({ delays: { scan_every_minutes: 1440 } })
      const alice = await createShopper(api, fixture.publishableKey)
      const order = await placeOrder(api, fixture, alice.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
      })
      const watch = await readUntil(() => watches.retrieveWatchByOrder(order.id), (w) => !!w, 60000)
      await watches.updateDelayWatches({ id: watch!.id, ship_by: new Date(Date.now() - HOUR) })

      // A worker whose delay-scan runs every few seconds and stops once it has recorded.
      const schedule = { AFTERSALES_TEST_JOB_SCHEDULE: "*/5 * * * * *" }
      const worker = await workerPausedAt("delay-scan:after-record", schedule)
      await settings.updateSettings({ delays: { scan_every_minutes: 1 } })
      expect(await readUntil(() => reached("delay-scan:after-record", worker.child.pid!), (r) => r, 90000)).toBe(true)

      // Held there: the incident is recorded, not announced; no ticket, no email.
      const incidents = () => watches.listDelayIncidents({ order_id: order.id })
      const tickets = () => support.listSupportTickets({ order_id: order.id, category: "delay" })
      const mails = () =>
        notifications.listNotifications({ template: "aftersales.delays.detected", resource_id: order.id } as any)
      const recorded = await incidents()
      expect(recorded).toEqual([expect.objectContaining({ order_id: order.id, stage: "ship", announced_at: null })])
      expect(await tickets()).toHaveLength(0)
      expect(await mails()).toHaveLength(0)

      // The restarted worker's scans find no new late order (the watch is marked late): only
      // the incidents recorded and not announced tell it what is left to do.
      await killAndRestart(schedule)
      const newPid = topology.worker!.child.pid!
      const announced = await readUntil(incidents, (i) => i.every((x) => !!x.announced_at), 120000)
      expect(announced).toEqual([expect.objectContaining({ id: recorded[0].id, announced_at: expect.any(Date) })])
      // Two more whole scans of the new worker after the announcement: still once.
      const scansSince = async (since: Date) =>
        (
          await dbConnection.raw(
            "select count(*)::int as n from aftersales_test_checkpoint where name = 'delay-scan:after-record' and pid = ? and at > ?",
            [newPid, since]
          )
        ).rows[0].n
      const after = new Date()
      expect(await readUntil(() => scansSince(after), (n) => n >= 2, 60000)).toBeGreaterThanOrEqual(2)
      expect(await tickets()).toHaveLength(1)
      expect(await mails()).toHaveLength(1)
      expect(await incidents()).toHaveLength(1)
    })
  },
})
