import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { Queue } from "bullmq"
import Redis from "ioredis"
import LoyaltyPointsService from "../../src/modules/loyalty_points/service"
import { AftersalesModules } from "../../src/types/modules"
import { createAdminUser } from "../helpers/admin"
import { readUntil } from "../helpers/eventually"
import { addPaymentSession, completeCart, createCommerceFixture, prepareCart } from "../helpers/commerce"
import { createShopper } from "../helpers/store"
import { topology } from "./test-runner"

jest.setTimeout(300 * 1000)

// Every process keeps the events it delivered (removeOnComplete off), so the test can deliver
// them all again, as BullMQ does after a stalled or failed job.
process.env.AFTERSALES_TEST_KEEP_EVENTS = "1"
topology.workerEnv = { AFTERSALES_TEST_KEEP_EVENTS: "1" }

/**
 * Redelivery in the production topology: after a scenario that touches every subscriber of the
 * plugin (signup bonus, an order paid with points, a ticket resolved with a goodwill coupon, a
 * second order using that coupon), every event the worker handled is delivered twice more, to
 * all subscribers. Nothing the plugin records may change: no points, tickets, gestures,
 * delivery promises or notifications doubled.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer

    beforeEach(() => {
      container = getContainer()
    })

    /** Row counts of the plugin's tables and of notifications; sums of the points ledger. */
    async function effects() {
      const { rows: tables } = await dbConnection.raw(
        `select table_name from information_schema.tables where table_schema = 'public'
         and (table_name like 'loyalty_points%' or table_name like 'support%' or table_name like 'gestures%'
              or table_name like 'delay_watch%' or table_name like 'return_rules%'
              or table_name in ('notification', 'promotion', 'order_credit_line'))
         order by table_name`
      )
      const counts: Record<string, number> = {}
      for (const { table_name } of tables) {
        const { rows } = await dbConnection.raw(`select count(*)::int as n from "${table_name}"`)
        counts[table_name] = rows[0].n
      }
      const { rows: ledger } = await dbConnection.raw(
        "select coalesce(sum(points), 0)::int as points from loyalty_points_transaction where deleted_at is null"
      )
      return { counts, ledger_points: ledger[0].points }
    }

    function eventsQueue() {
      const connection = new Redis(topology.redisUrl, { maxRetriesPerRequest: null })
      const queue = new Queue("events-queue", { prefix: "RedisEventBusService", connection })
      return { queue, close: async () => (await queue.close(), connection.disconnect()) }
    }

    async function settled(queue: Queue) {
      return await readUntil(
        () => queue.getJobCounts("waiting", "active", "delayed", "prioritized", "completed", "failed"),
        (c) => c.waiting + c.active + c.delayed + c.prioritized === 0,
        60000
      )
    }

    it("delivering every event again, twice, doubles nothing", async () => {
      const fixture = await createCommerceFixture(container)
      const admin = await createAdminUser(container, api)
      const service = container.resolve<LoyaltyPointsService>(AftersalesModules.LOYALTY_POINTS)
      const alice = await createShopper(api, fixture.publishableKey)
      await readUntil(
        () => service.getAccountSummary(alice.customerId),
        (s) => s.balance > 0,
        30000
      )
      await api.post(
        `/admin/customers/${alice.customerId}/loyalty/adjustments`,
        { points: 500, reason: "test credit" },
        { headers: admin.headers }
      )
      // An order paid partly with points.
      const cartId = await prepareCart(api, fixture, alice.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
      })
      await api.post(`/store/carts/${cartId}/loyalty-points`, { points: 300 }, { headers: alice.headers })
      await addPaymentSession(api, cartId, alice.headers)
      const first = await completeCart(api, cartId, alice.headers)
      expect(first.type).toEqual("order")
      await readUntil(
        () => service.listLoyaltyTransactions({ order_id: first.order.id, type: "earn" }),
        (earn) => earn.length === 1,
        30000
      )
      // A ticket about it, resolved with the automatic goodwill coupon.
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
      const { data: gestures } = await api.get(`/admin/gestures?ticket_id=${opened.ticket.id}`, {
        headers: admin.headers,
      })
      expect(gestures.gestures.map((g: { id: string }) => g.id)).toEqual([resolved.gesture_id])
      // A second order that uses the coupon: the order.placed subscriber marks it redeemed.
      const second = await completeCart(
        api,
        await prepareCart(api, fixture, alice.headers, {
          items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
          promo_codes: [gestures.gestures[0].code],
        }),
        alice.headers
      )
      expect(second.type).toEqual("order")
      await readUntil(
        async () => (await api.get(`/admin/gestures?ticket_id=${opened.ticket.id}`, { headers: admin.headers })).data,
        (d) => d.gestures[0].status === "redeemed",
        30000
      )

      const { queue, close } = eventsQueue()
      try {
        const done = await settled(queue)
        const before = await effects()
        const delivered = await queue.getJobs(["completed"], 0, -1)
        const names = new Set(delivered.map((j) => j.name))
        // The scenario reached every subscriber of the plugin.
        for (const name of [
          "customer.created",
          "order.placed",
          "support_ticket.resolved",
          "gesture.issued",
        ]) {
          expect({ name, delivered: names.has(name) }).toEqual({ name, delivered: true })
        }
        for (let round = 0; round < 2; round++) {
          await queue.addBulk(
            delivered.map((j) => ({
              name: j.name,
              data: { ...j.data, completedSubscriberIds: [] },
              opts: { attempts: 3, removeOnComplete: false },
            }))
          )
        }
        const after = await readUntil(
          () => queue.getJobCounts("completed", "failed", "waiting", "active", "delayed", "prioritized"),
          (c) => c.completed + c.failed >= done.completed + done.failed + 2 * delivered.length,
          120000
        )
        expect(after.completed + after.failed).toBeGreaterThanOrEqual(done.completed + done.failed + 2 * delivered.length)
        expect(await effects()).toEqual(before)
        const summary = await service.getAccountSummary(alice.customerId)
        expect(summary.balance).toBeGreaterThanOrEqual(0)
      } finally {
        await close()
      }
    })
  },
})
