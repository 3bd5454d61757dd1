import fs from "fs"
import path from "path"
import { LOYALTY_TRANSACTION_TYPES } from "../../../modules/loyalty_points/models/loyalty-transaction"

describe("loyalty admin text", () => {
  const adminDir = path.resolve(__dirname, "../..")
  const read = (lang: string) =>
    JSON.parse(fs.readFileSync(path.join(adminDir, "i18n", lang, "loyalty.json"), "utf8"))
  const flatten = (obj: Record<string, unknown>, prefix = ""): string[] =>
    Object.entries(obj).flatMap(([key, value]) =>
      value && typeof value === "object"
        ? flatten(value as Record<string, unknown>, `${prefix}${key}.`)
        : [`${prefix}${key}`]
    )
  const text = { en: read("en"), tr: read("tr") }
  const valueOf = (lang: "en" | "tr", key: string) =>
    key.split(".").reduce((o: any, p) => (o == null ? o : o[p]), text[lang])

  it("has the same keys in English and Turkish, none empty", () => {
    expect(flatten(text.tr).sort()).toEqual(flatten(text.en).sort())
    for (const lang of ["en", "tr"] as const) {
      const empty = flatten(text[lang]).filter((k) => !String(valueOf(lang, k)).trim())
      expect({ lang, empty }).toEqual({ lang, empty: [] })
    }
  })

  it("names every kind of ledger entry", () => {
    for (const lang of ["en", "tr"] as const) {
      const missing = LOYALTY_TRANSACTION_TYPES.filter((type) => !valueOf(lang, `type.${type}`))
      expect({ lang, missing }).toEqual({ lang, missing: [] })
    }
  })

  it("has every literal key the customer widget and the adjust form use", () => {
    const files = ["widgets/customer-loyalty.tsx", "components/loyalty/adjust-points-drawer.tsx"]
    const used = new Set<string>()
    for (const file of files) {
      const source = fs.readFileSync(path.join(adminDir, file), "utf8")
      // `k` is bound per file to a prefix: const k = (...) => t(`aftersales.loyalty[.adjust].${key}`)
      const prefix = /t\(`aftersales\.loyalty\.([\w.]*)\$\{key\}`/.exec(source)?.[1] ?? ""
      for (const [, key] of source.matchAll(/\bk\("([\w.]+)"/g)) {
        used.add(`${prefix}${key}`)
      }
    }
    expect(used.size).toBeGreaterThan(20)
    for (const lang of ["en", "tr"] as const) {
      const missing = [...used].filter((key) => !valueOf(lang, key))
      expect({ lang, missing }).toEqual({ lang, missing: [] })
    }
  })
})
