import { createHmac } from "crypto"
import fc from "fast-check"
import { parseCarrierSignature, signCarrierBody } from "../verify-signature"

const SECRET = "unit-carrier-secret-0123456789"

describe("carrier signature header", () => {
  it("signs the time, a dot and the body, and reads back what it signed", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 4102444800 }), (body, t) => {
        const header = signCarrierBody(SECRET, body, t)
        const digest = createHmac("sha256", SECRET).update(`${t}.${body}`).digest("hex")
        expect(header).toEqual(`t=${t},v1=${digest}`)
        expect(parseCarrierSignature(header)).toEqual({ timestamp: t, signatures: [digest] })
      })
    )
  })

  it("reads several v1 (a secret being rotated) and ignores unknown schemes", () => {
    const a = "a".repeat(64)
    const b = "B".repeat(64)
    expect(parseCarrierSignature(`t=1700000000,v1=${a},v0=old,v1=${b}`)).toEqual({
      timestamp: 1700000000,
      signatures: [a, b.toLowerCase()],
    })
  })

  it("answers null for anything else, the old bare hex included", () => {
    const hex = "c".repeat(64)
    for (const header of [
      undefined,
      ["t=1,v1=" + hex],
      "",
      hex,
      `sha256=${hex}`,
      `v1=${hex}`,
      "t=1700000000",
      `t=,v1=${hex}`,
      `t=-1,v1=${hex}`,
      `t=1.5,v1=${hex}`,
      `t=1e9,v1=${hex}`,
      `t=9999999999999,v1=${hex}`,
      `t=1,t=2,v1=${hex}`,
      "t=1,v1=abc",
      `t=1,v1=${"g".repeat(64)}`,
      `t=1,v1=${hex},garbage`,
      `=1,v1=${hex}`,
    ]) {
      expect({ header, parsed: parseCarrierSignature(header) }).toEqual({ header, parsed: null })
    }
  })
})
