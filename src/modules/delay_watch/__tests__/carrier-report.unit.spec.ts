import fc from "fast-check"
import { screenCarrierReport } from "../promise"
import { CARRIER_REPORT_TOLERANCE_SECONDS } from "../types"

const MINUTE = 60 * 1000
const TOLERANCE = CARRIER_REPORT_TOLERANCE_SECONDS * 1000
const NOW = new Date("2026-12-01T12:00:00Z")

describe("screenCarrierReport", () => {
  const placed = new Date(NOW.getTime() - 3 * 24 * 60 * MINUTE)
  const shipped = new Date(NOW.getTime() - 60 * MINUTE)
  const open = { status: "open" as const, placed_at: placed, fulfilled_at: shipped, shipped_at: shipped, delivered_at: null }

  it("names why a report cannot be true of the parcel now", () => {
    expect(screenCarrierReport(open, NOW, NOW)).toBeNull()
    expect(screenCarrierReport(open, shipped, NOW)).toBeNull()
    expect(screenCarrierReport({ ...open, status: "closed" }, NOW, NOW)).toEqual("watch_closed")
    expect(screenCarrierReport(open, new Date("2020-03-01T10:00:00Z"), NOW)).toEqual("before_order")
    expect(screenCarrierReport(open, new Date(shipped.getTime() - 1), NOW)).toEqual("before_last_movement")
    expect(screenCarrierReport(open, new Date(NOW.getTime() + TOLERANCE), NOW)).toBeNull()
    expect(screenCarrierReport(open, new Date(NOW.getTime() + TOLERANCE + 1), NOW)).toEqual("in_future")
  })

  it("accepts exactly the reports of an open watch dated from its last movement to the tolerance ahead", () => {
    const offset = fc.integer({ min: 0, max: 10 * 24 * 60 * MINUTE })
    fc.assert(
      fc.property(
        offset,
        fc.option(offset),
        fc.option(offset),
        fc.integer({ min: -20 * 24 * 60 * MINUTE, max: 20 * 24 * 60 * MINUTE }),
        fc.constantFrom("open" as const, "closed" as const),
        (placedAgo, fulfilledAfter, shippedAfter, occurredFromNow, status) => {
          const placedAt = new Date(NOW.getTime() - placedAgo)
          const fulfilledAt = fulfilledAfter === null ? null : new Date(placedAt.getTime() + fulfilledAfter)
          const shippedAt =
            fulfilledAt && shippedAfter !== null ? new Date(fulfilledAt.getTime() + shippedAfter) : null
          const occurredAt = new Date(NOW.getTime() + occurredFromNow)
          const latest = Math.max(placedAt.getTime(), fulfilledAt?.getTime() ?? 0, shippedAt?.getTime() ?? 0)
          const verdict = screenCarrierReport(
            { status, placed_at: placedAt, fulfilled_at: fulfilledAt, shipped_at: shippedAt, delivered_at: null },
            occurredAt,
            NOW
          )
          const acceptable =
            status === "open" &&
            occurredAt.getTime() >= latest &&
            occurredAt.getTime() <= NOW.getTime() + TOLERANCE
          expect(verdict === null).toEqual(acceptable)
        }
      )
    )
  })
})
