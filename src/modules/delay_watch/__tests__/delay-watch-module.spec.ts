import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { AftersalesModules } from "../../../types/modules"
import { estimateNewDelivery, promiseFor } from "../promise"
import DelayWatchService from "../service"

jest.setTimeout(60 * 1000)

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const ago = (ms: number) => new Date(Date.now() - ms)

moduleIntegrationTestRunner<DelayWatchService>({
  moduleName: AftersalesModules.DELAY_WATCH,
  resolve: path.join(__dirname, ".."),
  testSuite: ({ service }) => {
    /** A watch placed `placedAgo` ms ago with the default promise (48 h / 5 days). */
    async function watchFor(orderId: string, placedAgo: number, customerId: string | null = "cus_1") {
      const placed_at = ago(placedAgo)
      const { watch } = await service.startWatch({
        order_id: orderId,
        customer_id: customerId,
        placed_at,
        ...promiseFor(
          { ship_within_hours: 48, deliver_within_days: 5, per_shipping_option: {} },
          null,
          placed_at
        ),
      })
      return watch
    }

    describe("startWatch", () => {
      it("keeps one watch per order when the same order.placed arrives twice at once", async () => {
        const start = () =>
          service.startWatch({
            order_id: "order_1",
            customer_id: "cus_1",
            placed_at: new Date(),
            ship_by: new Date(Date.now() + 48 * HOUR),
            deliver_by: new Date(Date.now() + 5 * DAY),
          })
        const [a, b] = await Promise.all([start(), start()])
        expect(a.watch.id).toMatch(/^dlyw_/)
        expect(b.watch.id).toEqual(a.watch.id)
        // Exactly one of the two wrote the row (the step undoes only a watch it created).
        expect([a.created, b.created].sort()).toEqual([false, true])
        const again = await start()
        expect(again).toEqual({ watch: expect.objectContaining({ id: a.watch.id }), created: false })
        const all = await service.listDelayWatches({ order_id: "order_1" })
        expect(all).toHaveLength(1)
        expect(all[0]).toEqual(expect.objectContaining({ status: "open", customer_id: "cus_1" }))
        expect(new Date(all[0].ship_by).getTime() - new Date(all[0].placed_at).getTime()).toEqual(48 * HOUR)
        expect(new Date(all[0].deliver_by).getTime() - new Date(all[0].placed_at).getTime()).toEqual(5 * DAY)
      })
    })

    describe("listLateWatches", () => {
      it("answers only unmet, unreported promises that are due, in keyset pages", async () => {
        await watchFor("order_on_time", HOUR)
        for (let i = 0; i < 5; i++) {
          await watchFor(`order_late_${i}`, 3 * DAY + i * HOUR)
        }
        await watchFor("order_shipped", 3 * DAY)
        await service.recordMovement("order_shipped", "shipped", new Date())
        await watchFor("order_canceled", 3 * DAY)
        await service.closeWatch("order_canceled", new Date())
        await watchFor("order_reported", 3 * DAY)
        await service.recordIncident({
          order_id: "order_reported",
          stage: "ship",
          cause: "not_shipped",
          new_estimate: new Date(),
        })

        const now = new Date()
        const first = await service.listLateWatches("ship", { now, limit: 2 })
        const second = await service.listLateWatches("ship", {
          now,
          limit: 2,
          after: { due: first[1].due, id: first[1].id },
        })
        const third = await service.listLateWatches("ship", {
          now,
          limit: 2,
          after: { due: second[1].due, id: second[1].id },
        })
        const orders = [...first, ...second, ...third].map((w) => w.order_id)
        // Oldest promise first; each late order exactly once across the pages.
        expect(orders).toEqual(["order_late_4", "order_late_3", "order_late_2", "order_late_1", "order_late_0"])
        // None of them is due for delivery yet (5 days).
        expect(await service.listLateWatches("deliver", { now, limit: 10 })).toEqual([])
      })
    })

    describe("listLateWatches for delivery", () => {
      it("counts only shipped orders, and the new estimate becomes the promise", async () => {
        await watchFor("order_shipped_late", 6 * DAY)
        await service.recordMovement("order_shipped_late", "shipped", ago(DAY))
        await watchFor("order_never_shipped", 6 * DAY)
        const now = new Date()
        const late = await service.listLateWatches("deliver", { now, limit: 10 })
        expect(late.map((w) => w.order_id)).toEqual(["order_shipped_late"])

        const estimate = new Date(Date.now() + 3 * DAY)
        await service.recordIncident({
          order_id: "order_never_shipped",
          stage: "ship",
          cause: "not_shipped",
          new_estimate: estimate,
        })
        await service.recordMovement("order_never_shipped", "shipped", new Date())
        const watch = await service.retrieveWatchByOrder("order_never_shipped")
        expect(new Date(watch!.deliver_by)).toEqual(estimate)
        // Shipped after its ship stage was reported: not late for delivery until the new date.
        const again = await service.listLateWatches("deliver", { now: new Date(), limit: 10 })
        expect(again.map((w) => w.order_id)).toEqual(["order_shipped_late"])
      })
    })

    describe("recordMovement", () => {
      it("keeps the first time of each movement and closes the watch on delivery", async () => {
        await watchFor("order_move", HOUR)
        const t1 = ago(30 * 60 * 1000)
        const shipped = await service.recordMovement("order_move", "shipped", t1)
        expect(shipped).toEqual(expect.objectContaining({ status: "open", delivered_at: null }))
        expect(new Date(shipped!.fulfilled_at!).getTime()).toEqual(t1.getTime())
        // A replayed shipment event later changes nothing.
        const again = await service.recordMovement("order_move", "shipped", new Date())
        expect(new Date(again!.shipped_at!).getTime()).toEqual(t1.getTime())
        const delivered = await service.recordMovement("order_move", "delivered", new Date())
        expect(delivered).toEqual(expect.objectContaining({ status: "closed" }))
        expect(delivered!.closed_at).not.toBeNull()
        expect(await service.recordMovement("order_unknown", "shipped", new Date())).toBeNull()
      })
    })

    describe("syncProgress", () => {
      it("follows the items: keeps first times, clears shipped when an item is added, reopens a delivered watch, never a canceled one", async () => {
        const placed = await watchFor("order_sync", HOUR)
        const t1 = ago(30 * 60 * 1000)
        const later = { ship_by: new Date(Date.now() + 48 * HOUR), deliver_by: new Date(Date.now() + 5 * DAY) }
        const shipped = await service.syncProgress("order_sync", { fulfilled_at: t1, shipped_at: t1, delivered_at: null }, later)
        expect(shipped).toEqual(expect.objectContaining({ status: "open", delivered_at: null }))
        expect(new Date(shipped!.shipped_at!).getTime()).toEqual(t1.getTime())
        // Replayed later: the first time stays.
        const again = await service.syncProgress("order_sync", { fulfilled_at: new Date(), shipped_at: new Date(), delivered_at: null }, later)
        expect(new Date(again!.shipped_at!).getTime()).toEqual(t1.getTime())
        // An item was added: not shipped any more, with the new item's later promise.
        const edited = await service.syncProgress("order_sync", { fulfilled_at: null, shipped_at: null, delivered_at: null }, later)
        expect(edited).toEqual(expect.objectContaining({ status: "open", fulfilled_at: null, shipped_at: null }))
        expect(new Date(edited!.ship_by).getTime()).toEqual(later.ship_by.getTime())
        expect(new Date(edited!.deliver_by).getTime()).toBeGreaterThan(new Date(placed.deliver_by).getTime())
        // Delivered, then an item added again: open again.
        const delivered = await service.syncProgress("order_sync", { fulfilled_at: t1, shipped_at: t1, delivered_at: new Date() }, later)
        expect(delivered).toEqual(expect.objectContaining({ status: "closed" }))
        const reopened = await service.syncProgress("order_sync", { fulfilled_at: t1, shipped_at: null, delivered_at: null }, later)
        expect(reopened).toEqual(expect.objectContaining({ status: "open", closed_at: null, delivered_at: null, shipped_at: null }))

        await watchFor("order_sync_canceled", HOUR)
        await service.closeWatch("order_sync_canceled", new Date())
        const canceled = await service.syncProgress("order_sync_canceled", { fulfilled_at: null, shipped_at: null, delivered_at: null }, later)
        expect(canceled).toEqual(expect.objectContaining({ status: "closed", delivered_at: null }))
        expect(await service.syncProgress("order_unknown", { fulfilled_at: null, shipped_at: null, delivered_at: null }, later)).toBeNull()
      })
    })

    describe("announcement outbox", () => {
      it("lists incidents recorded but not announced in keyset pages, and marks each announced once", async () => {
        const ids: string[] = []
        for (let i = 0; i < 3; i++) {
          await watchFor(`order_outbox_${i}`, 3 * DAY)
          const { incident } = await service.recordIncident({
            order_id: `order_outbox_${i}`,
            stage: "ship",
            cause: "not_shipped",
            new_estimate: new Date(),
            detected_at: ago((3 - i) * HOUR),
          })
          expect(incident.announced_at).toBeNull()
          ids.push(incident.id)
        }
        const first = await service.listUnannouncedIncidents({ limit: 2 })
        expect(first.map((i) => i.id)).toEqual(ids.slice(0, 2))
        const last = first[first.length - 1]
        const second = await service.listUnannouncedIncidents({ after: { detected_at: last.detected_at, id: last.id }, limit: 2 })
        expect(second.map((i) => i.id)).toEqual([ids[2]])

        const marks = await Promise.all([service.markAnnounced(ids[0], new Date()), service.markAnnounced(ids[0], new Date())])
        expect(marks.filter(Boolean)).toHaveLength(1)
        expect((await service.listUnannouncedIncidents({ limit: 10 })).map((i) => i.id)).toEqual(ids.slice(1))
      })
    })

    describe("recordIncident", () => {
      it("records a stage once when two scans race, and marks the watch late", async () => {
        await watchFor("order_race", 3 * DAY)
        const input = { order_id: "order_race", stage: "ship" as const, cause: "not_shipped" as const, new_estimate: new Date() }
        const results = await Promise.all([service.recordIncident(input), service.recordIncident(input)])
        expect(results.filter((r) => r.created)).toHaveLength(1)
        expect(results[0].incident.id).toEqual(results[1].incident.id)
        expect(results[0].incident.id).toMatch(/^dlyi_/)
        const watch = await service.retrieveWatchByOrder("order_race")
        expect(watch).toEqual(expect.objectContaining({ late_stage: "ship" }))
        expect(watch!.ship_late_at).not.toBeNull()
        // Another stage is its own incident.
        const carrier = await service.recordIncident({ ...input, stage: "carrier", cause: "customs" })
        expect(carrier.created).toBe(true)
        expect(await service.listDelayIncidents({ order_id: "order_race" })).toHaveLength(2)
      })

      it("refuses an order with no watch", async () => {
        const err = await service
          .recordIncident({ order_id: "order_none", stage: "ship", cause: "not_shipped", new_estimate: new Date() })
          .catch((e) => e)
        expect(err.type).toEqual("not_found")
        expect(err.message).toContain("order_none")
      })

      it("revertIncident puts the order back into the scan", async () => {
        const original = await watchFor("order_revert", 3 * DAY)
        const { incident } = await service.recordIncident({
          order_id: "order_revert",
          stage: "ship",
          cause: "not_shipped",
          new_estimate: new Date(),
        })
        expect(await service.listLateWatches("ship", { now: new Date(), limit: 10 })).toEqual([])
        await service.revertIncident(incident.id, { late_stage: null, deliver_by: original.deliver_by })
        const late = await service.listLateWatches("ship", { now: new Date(), limit: 10 })
        expect(late.map((w) => w.order_id)).toEqual(["order_revert"])
        const reverted = await service.retrieveWatchByOrder("order_revert")
        expect(reverted).toEqual(expect.objectContaining({ late_stage: null, ship_late_at: null }))
        expect(new Date(reverted!.deliver_by)).toEqual(new Date(original.deliver_by))
      })
    })

    describe("recordLateIncidents", () => {
      it("records a page once when two scans and a single record race, and skips watches no longer late", async () => {
        const ids: string[] = []
        for (let i = 0; i < 12; i++) {
          ids.push((await watchFor(`order_bulk_${i}`, 3 * DAY + i * HOUR)).id)
        }
        // Shipped between the read and the record: no longer late to ship.
        await service.recordMovement("order_bulk_0", "shipped", new Date())
        const now = new Date()
        const [a, b, single] = await Promise.all([
          service.recordLateIncidents("ship", ids, now),
          service.recordLateIncidents("ship", [...ids].reverse(), now),
          service.recordIncident({ order_id: "order_bulk_5", stage: "ship", cause: "not_shipped", new_estimate: new Date() }),
        ])
        const written = [...a, ...b].map((r) => r.incident.order_id).concat(single.created ? ["order_bulk_5"] : [])
        expect(written.sort()).toEqual(ids.slice(1).map((_, i) => `order_bulk_${i + 1}`).sort())
        const incidents = await service.listDelayIncidents({ stage: "ship" }, { take: 100 })
        expect(incidents).toHaveLength(11)
        expect(new Set(incidents.map((i) => i.order_id)).size).toEqual(11)
        expect(incidents.map((i) => i.order_id)).not.toContain("order_bulk_0")

        const [first] = a.length ? a : b
        expect(first.incident).toEqual(
          expect.objectContaining({ id: expect.stringMatching(/^dlyi_/), stage: "ship", cause: "not_shipped", ticket_id: null })
        )
        expect(first.previous.late_stage).toBeNull()
        const watch = await service.retrieveWatchByOrder(first.incident.order_id)
        expect(watch).toEqual(expect.objectContaining({ late_stage: "ship" }))
        expect(new Date(watch!.ship_late_at!)).toEqual(now)
        // The new estimate became the delivery promise, never earlier than the old one.
        expect(new Date(watch!.deliver_by)).toEqual(new Date(first.incident.new_estimate))
        expect(new Date(watch!.deliver_by).getTime()).toBeGreaterThanOrEqual(new Date(first.previous.deliver_by).getTime())
        expect(await service.listLateWatches("ship", { now: new Date(), limit: 100 })).toEqual([])

        // Nothing left to record; a reverted incident is recorded again.
        expect(await service.recordLateIncidents("ship", ids, new Date())).toEqual([])
        await service.revertIncident(first.incident.id, first.previous)
        const again = await service.recordLateIncidents("ship", ids, new Date())
        expect(again.map((r) => r.incident.order_id)).toEqual([first.incident.order_id])
      })
    })

    describe("recordChoice", () => {
      it("lets waiting turn into a cancel, never the other way", async () => {
        await watchFor("order_choice", 3 * DAY)
        const { incident } = await service.recordIncident({
          order_id: "order_choice",
          stage: "ship",
          cause: "not_shipped",
          new_estimate: new Date(),
        })
        expect(await service.recordChoice(incident.id, "wait")).toEqual({ previous: null })
        expect(await service.recordChoice(incident.id, "wait")).toEqual({ previous: "wait" })
        expect(await service.recordChoice(incident.id, "cancel")).toEqual({ previous: "wait" })
        const err = await service.recordChoice(incident.id, "wait").catch((e) => e)
        expect(err.type).toEqual("not_allowed")
        const [stored] = await service.listDelayIncidents({ id: incident.id })
        expect(stored.choice).toEqual("cancel")
      })
    })

    describe("promiseFor and estimateNewDelivery", () => {
      it("uses the shipping option's own promise when set", () => {
        const placed = new Date("2026-01-01T00:00:00Z")
        const promise = promiseFor(
          {
            ship_within_hours: 48,
            deliver_within_days: 5,
            per_shipping_option: { so_express: { ship_within_hours: 4, deliver_within_days: 1 } },
          },
          "so_express",
          placed
        )
        expect(promise).toEqual({
          ship_by: new Date("2026-01-01T04:00:00Z"),
          deliver_by: new Date("2026-01-02T00:00:00Z"),
        })
      })

      it("never promises earlier than before, and adds transit when nothing shipped", () => {
        const now = new Date("2026-01-10T00:00:00Z")
        const watch = { ship_by: new Date("2026-01-03T00:00:00Z"), deliver_by: new Date("2026-01-06T00:00:00Z") }
        // 1 day to hand over + 3 days of transit.
        expect(estimateNewDelivery(watch, "ship", "not_shipped", now)).toEqual(new Date("2026-01-14T00:00:00Z"))
        expect(estimateNewDelivery(watch, "carrier", "customs", now)).toEqual(new Date("2026-01-15T00:00:00Z"))
        const future = { ship_by: new Date("2026-01-20T00:00:00Z"), deliver_by: new Date("2026-01-30T00:00:00Z") }
        expect(estimateNewDelivery(future, "carrier", "failed_attempt", now)).toEqual(future.deliver_by)
      })
    })
  },
})
