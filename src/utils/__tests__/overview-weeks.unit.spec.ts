import { weekBindings, weekKey } from "../overview-weeks"

const WEEK = 7 * 24 * 60 * 60 * 1000
const from = new Date("2026-09-14T00:00:00.000Z") // a Monday

describe("weekBindings", () => {
  it("covers every week that starts at or before `to`, the current one included", () => {
    const to = new Date(from.getTime() + 11 * WEEK + 3 * 60 * 60 * 1000) // Monday 03:00 of week 12
    expect(weekBindings({ from, to })).toEqual({ first_week: from, last_week: new Date(from.getTime() + 11 * WEEK) })
  })

  it("counts the week that starts exactly at `to` (an overview asked at Monday 00:00)", () => {
    const to = new Date(from.getTime() + 11 * WEEK)
    expect(weekBindings({ from, to }).last_week).toEqual(to)
  })

  it("has at least one week", () => {
    expect(weekBindings({ from, to: from }).last_week).toEqual(from)
  })
})

describe("weekKey", () => {
  it("is the UTC date the week starts on", () => {
    expect(weekKey(new Date("2026-11-30T00:00:00.000Z"))).toEqual("2026-11-30")
  })
})
