import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaContainer } from "@medusajs/framework/types"
import LoyaltyPointsService from "../../src/modules/loyalty_points/service"
import { AftersalesModules } from "../../src/types/modules"
import { AFTERSALES_JOBS } from "../../src/workflows/jobs"
import { createAdminUser } from "../helpers/admin"
import { readUntil } from "../helpers/eventually"
import { createCommerceFixture } from "../helpers/commerce"
import { createShopper } from "../helpers/store"
import { MedusaProcess } from "./processes"
import { startTopologyProcess, topology } from "./test-runner"

jest.setTimeout(300 * 1000)

const DAY = 24 * 60 * 60 * 1000
/** Every job on a schedule of seconds, so that several ticks fit in a test. */
const EVERY_SECONDS = 4
topology.workerEnv = {
  AFTERSALES_TEST_CHECKPOINTS: "1",
  AFTERSALES_TEST_JOB_SCHEDULE: `*/${EVERY_SECONDS} * * * * *`,
}
const JOBS = Object.keys(AFTERSALES_JOBS)

type Mark = { name: string; pid: number; mode: string; tick: Date | null; at: Date }

/**
 * Two API servers (the app the runner boots and a second `medusa start` in workerMode
 * "server") and one worker, on one database and one Redis: each scheduled job runs once per
 * tick and only in the worker, and a manual run through either server at the moment the
 * schedule runs the same job changes nothing twice.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let second: MedusaProcess

    beforeAll(async () => {
      // The second server gets the same test schedule: if a server ran jobs, its marks would show.
      second = await startTopologyProcess("server")
    }, 300000)
    afterAll(async () => {
      await second?.stop()
    })
    beforeEach(() => {
      container = getContainer()
    })

    const marks = async (): Promise<Mark[]> =>
      (await dbConnection.raw("select name, pid, mode, tick, at from aftersales_test_checkpoint order by at")).rows

    it("runs every scheduled job once per tick, over at least three ticks, in the worker only", async () => {
      const since = new Date()
      const enough = (rows: Mark[]) =>
        JOBS.every((job) => rows.filter((r) => r.name === `job:${job}` && r.at >= since).length >= 4)
      const rows = (await readUntil(marks, enough, 90000)).filter((r) => r.at >= since)

      for (const job of JOBS) {
        const runs = rows.filter((r) => r.name === `job:${job}`)
        expect({ job, enough: runs.length >= 4 }).toEqual({ job, enough: true })
        // Only the worker process ran it: neither API server.
        expect([...new Set(runs.map((r) => `${r.mode}:${r.pid}`))]).toEqual([`worker:${runs[0].pid}`])
        // Once per tick: every run is for a tick of its own (a tick delivered twice, or run by
        // two processes, would show the same tick twice).
        const ticks = runs.map((r) => r.tick?.toISOString() ?? "none")
        expect({ job, ticks: [...new Set(ticks)] }).toEqual({ job, ticks })
        expect(ticks).not.toContain("none")
      }
      expect(new Set(rows.map((r) => r.mode))).toEqual(new Set(["worker"]))
    })

    it("a manual run through both servers while the schedule runs expires each lot once", async () => {
      const fixture = await createCommerceFixture(container)
      const admin = await createAdminUser(container, api)
      const service = container.resolve<LoyaltyPointsService>(AftersalesModules.LOYALTY_POINTS)
      const customers: string[] = []
      for (let i = 0; i < 3; i++) {
        const shopper = await createShopper(api, fixture.publishableKey)
        customers.push(shopper.customerId)
      }
      // The signup bonus comes from a subscriber in the worker: wait for it before adding lots.
      await readUntil(
        async () => Promise.all(customers.map((c) => service.getAccountSummary(c))),
        (all) => all.every((s) => s.balance > 0),
        30000
      )
      const before = await Promise.all(customers.map((c) => service.getAccountSummary(c)))
      for (const customerId of customers) {
        await service.addBonusPoints({
          customer_id: customerId,
          points: 40,
          reason: "expired lot",
          idempotency_key: `expired:${customerId}`,
          expires_at: new Date(Date.now() - DAY),
        })
      }
      // Both servers at once, twice, while the worker's schedule runs the same job every few seconds.
      const run = (url: string) =>
        fetch(`${url}/admin/aftersales/jobs/points-expiry/run`, {
          method: "POST",
          headers: { ...admin.headers, "content-type": "application/json" },
          body: "{}",
        }).then((r) => r.status)
      const firstUrl = api.defaults.baseURL as string
      const statuses = await Promise.all([run(firstUrl), run(second.url), run(firstUrl), run(second.url)])
      expect(statuses).toEqual([200, 200, 200, 200])
      // And at least one scheduled run after them.
      const after = new Date()
      await readUntil(marks, (rows) => rows.some((r) => r.name === "job:points-expiry" && r.at > after), 30000)

      for (const [i, customerId] of customers.entries()) {
        const expiries = await service.listLoyaltyTransactions({ customer_id: customerId, type: "expire" })
        expect(expiries.map((e) => Math.abs(e.points))).toEqual([40])
        const summary = await service.getAccountSummary(customerId)
        expect(summary.balance).toEqual(before[i].balance)
        const sums = await service.sumLedger(customerId)
        expect(sums.lots_remaining).toEqual(sums.balance)
      }
    })
  },
})
