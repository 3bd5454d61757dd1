import { resolveOptions } from "../defaults"

describe("resolveOptions", () => {
  it("gives the documented defaults when no option is set", () => {
    const { defaults } = resolveOptions({})
    expect(defaults.loyalty.pending_days).toEqual(14)
    expect(defaults.loyalty.max_redeem_share).toEqual(0.5)
    expect(defaults.loyalty.expiry_months).toEqual(12)
    expect(defaults.returns.window_days).toEqual(30)
    expect(defaults.delays).toEqual(
      expect.objectContaining({ ship_within_hours: 48, deliver_within_days: 5 })
    )
    expect(defaults.support.first_response_hours.normal).toEqual(24)
  })

  it("merges options into the defaults section by section", () => {
    const { defaults } = resolveOptions({ loyalty: { pending_days: 30 } })
    expect(defaults.loyalty.pending_days).toEqual(30)
    expect(defaults.loyalty.max_redeem_share).toEqual(0.5)
  })

  it.each([
    [{ loyalty: { max_redeem_share: 1.5 } }, "loyalty.max_redeem_share"],
    [{ loyalty: { earn_rates: { euro: 1 } } }, "loyalty.earn_rates"],
    [{ returns: { window_start: "payday" } }, "returns.window_start"],
    [{ delays: { ship_within_hours: -1 } }, "delays.ship_within_hours"],
    [{ carrier_webhook_secret: "short" }, "carrier_webhook_secret"],
    [{ loyality: {} }, "loyality"],
  ])("refuses %j naming the option", (options, name) => {
    expect(() => resolveOptions(options)).toThrow(
      expect.objectContaining({
        type: "invalid_data",
        message: expect.stringMatching(new RegExp(`invalid plugin options: .*${name.replace(/\./g, "\\.")}`)),
      })
    )
  })
})
