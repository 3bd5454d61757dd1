import {
  applyOverrides,
  checkExchangeUnits,
  checkRequest,
  computeExchangeBonus,
  discountLines,
  evaluateLine,
  resolveWindowAnchor,
  ReturnSettings,
  RuleLine,
  RuleOrder,
} from "../rules"

const DAY = 24 * 60 * 60 * 1000
const now = new Date("2026-06-30T12:00:00Z")
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY)
const env = { now, store_credit_available: false }

// The store's default return settings (DEFAULT_SETTINGS.returns), written out so the rules'
// tests do not reach into the settings module.
const DEFAULT_RETURNS: ReturnSettings = {
  window_days: 30,
  window_start: "delivery",
  overrides: [],
  reasons: {},
  exchange_bonus: { kind: "percent", value: 5, as: "difference" },
  keep_item_below: {},
}

function settings(patch: Partial<ReturnSettings> = {}): ReturnSettings {
  return { ...DEFAULT_RETURNS, ...patch }
}

function line(patch: Partial<RuleLine> = {}): RuleLine {
  return {
    id: "ordli_1",
    title: "Linen shirt",
    quantity: 2,
    returnable_quantity: 2,
    returned_quantity: 0,
    fulfilled_quantity: 2,
    unit_price: 50,
    product: { type_id: "ptyp_1", collection_id: "pcol_1", category_ids: ["pcat_1"], tag_ids: ["ptag_1"] },
    delivered_at: daysAgo(10),
    fulfilled_at: daysAgo(12),
    ...patch,
  }
}

function order(lines: RuleLine[], patch: Partial<RuleOrder> = {}): RuleOrder {
  return { id: "order_1", currency_code: "eur", created_at: daysAgo(15), canceled: false, lines, ...patch }
}

describe("resolveWindowAnchor", () => {
  const ordered = daysAgo(40)

  it("counts from delivery when the line was delivered", () => {
    expect(
      resolveWindowAnchor("delivery", { delivered_at: daysAgo(5), fulfilled_at: daysAgo(8) }, ordered)
    ).toEqual({ starts_from: "delivery", starts_at: daysAgo(5) })
  })

  it("falls back to the fulfilment date, then to the order date", () => {
    expect(resolveWindowAnchor("delivery", { delivered_at: null, fulfilled_at: daysAgo(8) }, ordered)).toEqual({
      starts_from: "fulfillment",
      starts_at: daysAgo(8),
    })
    expect(resolveWindowAnchor("delivery", { delivered_at: null, fulfilled_at: null }, ordered)).toEqual({
      starts_from: "order",
      starts_at: ordered,
    })
  })

  it("never looks past the configured start", () => {
    const dates = { delivered_at: daysAgo(5), fulfilled_at: daysAgo(8) }
    expect(resolveWindowAnchor("fulfillment", dates, ordered).starts_from).toEqual("fulfillment")
    expect(resolveWindowAnchor("order", dates, ordered)).toEqual({ starts_from: "order", starts_at: ordered })
  })
})

describe("applyOverrides", () => {
  const product = { type_id: "ptyp_1", collection_id: "pcol_1", category_ids: ["pcat_1"], tag_ids: ["ptag_1"] }

  it.each([
    [{ product_type_id: "ptyp_1", window_days: 7 }],
    [{ collection_id: "pcol_1", window_days: 7 }],
    [{ category_id: "pcat_1", window_days: 7 }],
    [{ tag_id: "ptag_1", window_days: 7 }],
  ])("matches %j", (override) => {
    expect(applyOverrides([override], product)).toEqual({ final_sale: false, window_days: 7 })
    expect(applyOverrides([override], { type_id: "x", collection_id: "y", category_ids: [], tag_ids: [] })).toEqual({
      final_sale: false,
      window_days: undefined,
    })
  })

  it("lets any matching final sale win and otherwise the first matching window", () => {
    expect(
      applyOverrides(
        [
          { tag_id: "nope", window_days: 1 },
          { category_id: "pcat_1", window_days: 60 },
          { tag_id: "ptag_1", window_days: 7 },
        ],
        product
      )
    ).toEqual({ final_sale: false, window_days: 60 })
    expect(
      applyOverrides([{ category_id: "pcat_1", window_days: 60 }, { tag_id: "ptag_1", final_sale: true }], product)
    ).toEqual({ final_sale: true })
  })
})

describe("evaluateLine", () => {
  it("offers exchange first with its bonus, store credit refused without the loyalty plugin, then refund", () => {
    const result = evaluateLine(line(), order([line()]), settings(), env)
    expect(result).toEqual(
      expect.objectContaining({
        returnable: true,
        returnable_quantity: 2,
        final_sale: false,
        keep_item: false,
        window: {
          days: 30,
          starts_from: "delivery",
          starts_at: daysAgo(10).toISOString(),
          ends_at: daysAgo(-20).toISOString(),
          open: true,
        },
      })
    )
    expect(result.resolutions.map((r) => [r.type, r.allowed])).toEqual([
      ["exchange", true],
      ["store_credit", false],
      ["refund", true],
    ])
    // 5% of one unit at 50 eur.
    expect(result.resolutions[0].bonus).toEqual(
      expect.objectContaining({ kind: "percent", value: 5, amount: 2.5, as: "difference" })
    )
    expect(result.resolutions[1].reason?.code).toEqual("store_credit_unavailable")
  })

  it("closes the window after the configured days and says until when it was open", () => {
    const late = line({ delivered_at: daysAgo(31) })
    const result = evaluateLine(late, order([late]), settings(), env)
    expect(result.returnable).toBe(false)
    expect(result.reason?.code).toEqual("window_closed")
    expect(result.window?.open).toBe(false)
    expect(result.resolutions.every((r) => !r.allowed && r.reason?.code === "window_closed")).toBe(true)
    // The same dates inside a longer override window are fine.
    const longer = evaluateLine(late, order([late]), settings({ overrides: [{ tag_id: "ptag_1", window_days: 60 }] }), env)
    expect(longer.returnable).toBe(true)
    expect(longer.window?.days).toEqual(60)
  })

  it("refuses final sale, unsent and fully returned lines and canceled orders", () => {
    const s = settings({ overrides: [{ product_type_id: "ptyp_1", final_sale: true }] })
    expect(evaluateLine(line(), order([line()]), s, env)).toEqual(
      expect.objectContaining({ returnable: false, final_sale: true, window: null, reason: expect.objectContaining({ code: "final_sale" }) })
    )
    const unsent = line({ fulfilled_quantity: 0, returnable_quantity: 0, delivered_at: null, fulfilled_at: null })
    expect(evaluateLine(unsent, order([unsent]), settings(), env).reason?.code).toEqual("not_fulfilled")
    const done = line({ returnable_quantity: 0 })
    expect(evaluateLine(done, order([done]), settings(), env).reason?.code).toEqual("nothing_left_to_return")
    expect(evaluateLine(line(), order([line()], { canceled: true }), settings(), env).reason?.code).toEqual("order_canceled")
  })

  it("marks cheap lines as keep-the-item in the order's currency only", () => {
    const s = settings({ keep_item_below: { eur: 60 } })
    expect(evaluateLine(line(), order([line()]), s, env).keep_item).toBe(true)
    expect(evaluateLine(line(), order([line()], { currency_code: "try" }), s, env).keep_item).toBe(false)
    expect(evaluateLine(line({ unit_price: 60 }), order([line()]), s, env).keep_item).toBe(false)
  })

  it("counts units already returned of the line: one more unit is kept only if the whole is below", () => {
    const s = settings({ keep_item_below: { eur: 75 } })
    expect(evaluateLine(line(), order([line()]), s, env).keep_item).toBe(true)
    const oneBack = line({ returned_quantity: 1, returnable_quantity: 1 })
    expect(evaluateLine(oneBack, order([oneBack]), s, env).keep_item).toBe(false)
  })

  it("lists the reasons that allow no refund", () => {
    const s = settings({ reasons: { changed_mind: "exchange_only", damaged: "refund" } })
    const refund = evaluateLine(line(), order([line()]), s, env).resolutions[2]
    expect(refund.exchange_only_reasons).toEqual(["changed_mind"])
  })
})

describe("checkRequest", () => {
  const o = order([line(), line({ id: "ordli_2", unit_price: 20, quantity: 1, returnable_quantity: 1 })])
  const opts = (s: ReturnSettings) => o.lines.map((l) => evaluateLine(l, o, s, env))

  it("answers the value, the bonus for an exchange and whether the goods are kept", () => {
    const s = settings({ keep_item_below: { eur: 30 } })
    expect(checkRequest(o, opts(s), { resolution: "exchange", items: [{ id: "ordli_1", quantity: 2 }] }, s, env)).toEqual({
      returned_value: 100,
      keep_item: false,
      bonus: expect.objectContaining({ amount: 5 }),
    })
    expect(checkRequest(o, opts(s), { resolution: "refund", items: [{ id: "ordli_2", quantity: 1 }] }, s, env)).toEqual({
      returned_value: 20,
      keep_item: true,
    })
    expect(
      checkRequest(o, opts(s), { resolution: "refund", items: [{ id: "ordli_1", quantity: 1 }] }, s, env).keep_item
    ).toBe(false)
  })

  it("compares the threshold with the lines' whole returned value, not this request's", () => {
    const s = settings({ keep_item_below: { eur: 75 } })
    const single = { resolution: "refund" as const, items: [{ id: "ordli_1", quantity: 1 }] }
    expect(checkRequest(o, opts(s), single, s, env)).toEqual({ returned_value: 50, keep_item: true })
    // The same single unit after one unit of the line went back (kept or sent): 100 eur in all.
    const split = order([line({ returned_quantity: 1, returnable_quantity: 1 })])
    const splitOpts = split.lines.map((l) => evaluateLine(l, split, s, env))
    expect(checkRequest(split, splitOpts, single, s, env)).toEqual({ returned_value: 50, keep_item: false })
    // Two lines in one request add up: 50 + 20 is below 75, with an earlier mug returned it is not.
    const both = { resolution: "refund" as const, items: [{ id: "ordli_1", quantity: 1 }, { id: "ordli_2", quantity: 1 }] }
    expect(checkRequest(o, opts(s), both, s, env).keep_item).toBe(true)
    const mugBack = order([line(), line({ id: "ordli_2", unit_price: 20, quantity: 2, returnable_quantity: 1, returned_quantity: 1 })])
    const mugOpts = mugBack.lines.map((l) => evaluateLine(l, mugBack, s, env))
    expect(checkRequest(mugBack, mugOpts, both, s, env).keep_item).toBe(false)
  })

  it.each([
    [{ resolution: "refund", items: [] }, "invalid_data", undefined],
    [{ resolution: "refund", items: [{ id: "nope", quantity: 1 }] }, "invalid_data", undefined],
    [{ resolution: "refund", items: [{ id: "ordli_1", quantity: 1 }, { id: "ordli_1", quantity: 1 }] }, "invalid_data", undefined],
    [{ resolution: "refund", items: [{ id: "ordli_1", quantity: 3 }] }, "not_allowed", "nothing_left_to_return"],
    [{ resolution: "store_credit", items: [{ id: "ordli_1", quantity: 1 }] }, "not_allowed", "store_credit_unavailable"],
    [{ resolution: "refund", items: [{ id: "ordli_1", quantity: 1, reason_value: "changed_mind" }] }, "not_allowed", "reason_exchange_only"],
  ])("refuses %j", (request, type, code) => {
    const s = settings({ reasons: { changed_mind: "exchange_only" } })
    let error: any
    try {
      checkRequest(o, opts(s), request as any, s, env)
    } catch (e) {
      error = e
    }
    expect(error).toEqual(expect.objectContaining({ type, message: expect.any(String) }))
    expect(error.code).toEqual(code)
  })

  it("lets an exchange-only reason through for an exchange", () => {
    const s = settings({ reasons: { changed_mind: "exchange_only" } })
    expect(() =>
      checkRequest(o, opts(s), { resolution: "exchange", items: [{ id: "ordli_1", quantity: 1, reason_value: "changed_mind" }] }, s, env)
    ).not.toThrow()
  })
})

describe("exchange bonus", () => {
  it("is a percent of the returned value or a fixed amount, rounded down to cents", () => {
    expect(computeExchangeBonus({ kind: "percent", value: 7, as: "difference" }, 33.33, false).amount).toEqual(2.33)
    expect(computeExchangeBonus({ kind: "fixed", value: 4, as: "difference" }, 100, false).amount).toEqual(4)
  })

  it("falls back to the difference when store credit is not available, and says so", () => {
    const bonus = computeExchangeBonus({ kind: "fixed", value: 4, as: "store_credit" }, 100, false)
    expect(bonus).toEqual(expect.objectContaining({ configured_as: "store_credit", as: "difference", note: expect.stringContaining("loyalty-plugin") }))
    expect(computeExchangeBonus({ kind: "fixed", value: 4, as: "store_credit" }, 100, true).as).toEqual("store_credit")
  })

  it("comes off the new lines' prices, never below zero, in whole cents", () => {
    expect(discountLines([{ variant_id: "v1", quantity: 2, unit_price: 10 }], 5)).toEqual({
      lines: [{ variant_id: "v1", quantity: 2, unit_price: 7.5, discounted: true }],
      applied: 5,
    })
    expect(
      discountLines(
        [
          { variant_id: "v1", quantity: 1, unit_price: 3 },
          { variant_id: "v2", quantity: 3, unit_price: 10 },
        ],
        4
      )
    ).toEqual({
      lines: [
        { variant_id: "v1", quantity: 1, unit_price: 0, discounted: true },
        // 1 eur over 3 units: 0.33 each, 0.99 applied.
        { variant_id: "v2", quantity: 3, unit_price: 9.67, discounted: true },
      ],
      applied: 3.99,
    })
  })
})

describe("checkExchangeUnits", () => {
  it("allows up to the returned units, summed over lines", () => {
    expect(() => checkExchangeUnits([{ quantity: 2 }], [{ quantity: 1 }, { quantity: 1 }])).not.toThrow()
    expect(() => checkExchangeUnits([{ quantity: 1 }, { quantity: 1 }], [{ quantity: 2 }])).not.toThrow()
  })

  it("refuses more new units than returned, with its code", () => {
    expect(() => checkExchangeUnits([{ quantity: 1 }], [{ quantity: 1 }, { quantity: 1 }])).toThrow(
      expect.objectContaining({ type: "not_allowed", code: "exchange_exceeds_returned" })
    )
  })

  it.each([0.5, -1, 0, Number.MAX_SAFE_INTEGER + 2, Number.NaN])("refuses a quantity of %p", (quantity) => {
    expect(() => checkExchangeUnits([{ quantity: 5 }], [{ quantity }])).toThrow(
      expect.objectContaining({ type: "invalid_data" })
    )
  })
})
