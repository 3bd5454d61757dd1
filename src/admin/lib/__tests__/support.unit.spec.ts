import fs from "fs"
import path from "path"
import type { AdminSupportTicket } from "../../../types/http/support"
import {
  GESTURE_KINDS,
  SLA_DUE_SOON_MS,
  slaState,
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUSES,
} from "../support"

const HOUR = 60 * 60 * 1000
const now = Date.parse("2026-03-10T12:00:00Z")
const at = (offsetMs: number) => new Date(now + offsetMs).toISOString()

const ticket = (patch: Partial<AdminSupportTicket>): AdminSupportTicket =>
  ({
    id: "stkt_1",
    number: "#1001",
    display_id: 1,
    customer_id: "cus_1",
    order_id: null,
    category: "damaged",
    status: "open",
    priority: "normal",
    channel: "web",
    source: "customer",
    subject: "Broken",
    assignee_id: null,
    first_response_due_at: at(20 * HOUR),
    first_responded_at: null,
    resolution_due_at: at(70 * HOUR),
    sla_breached_at: null,
    sla_breach: null,
    resolved_at: null,
    outcome: null,
    created_at: at(-4 * HOUR),
    updated_at: at(-4 * HOUR),
    ...patch,
  }) as AdminSupportTicket

describe("slaState", () => {
  it("is on track while the next due time is further away than the due-soon window", () => {
    expect(slaState(ticket({}), now)).toEqual({ state: "on_track", due: at(20 * HOUR) })
  })

  it("is due soon inside the window, counting the first response until an agent answered", () => {
    const soon = ticket({ first_response_due_at: at(SLA_DUE_SOON_MS - 60_000) })
    expect(slaState(soon, now)).toEqual({ state: "due_soon", due: at(SLA_DUE_SOON_MS - 60_000) })
    // Answered: the resolution clock (70 h away) is the one that counts now.
    expect(slaState({ ...soon, first_responded_at: at(-HOUR) }, now)).toEqual({
      state: "on_track",
      due: at(70 * HOUR),
    })
  })

  it("is breached once flagged by the job, or as soon as a due time has passed unflagged", () => {
    expect(slaState(ticket({ sla_breached_at: at(-HOUR) }), now).state).toEqual("breached")
    expect(slaState(ticket({ first_response_due_at: at(-60_000) }), now)).toEqual({
      state: "breached",
      due: at(-60_000),
    })
    expect(
      slaState(ticket({ first_responded_at: at(-2 * HOUR), resolution_due_at: at(-HOUR) }), now).state
    ).toEqual("breached")
  })

  it("runs no clock on resolved or closed tickets, but keeps showing a recorded breach", () => {
    const late = { first_response_due_at: at(-10 * HOUR), resolution_due_at: at(-HOUR) }
    expect(slaState(ticket({ ...late, status: "resolved" }), now)).toEqual({ state: "none" })
    expect(slaState(ticket({ ...late, status: "closed" }), now)).toEqual({ state: "none" })
    expect(slaState(ticket({ ...late, status: "closed", sla_breached_at: at(-HOUR) }), now)).toEqual({
      state: "breached",
      due: null,
    })
  })

  it("runs while waiting for the customer, as the sla-check job does", () => {
    expect(
      slaState(ticket({ status: "pending_customer", first_response_due_at: at(-60_000) }), now).state
    ).toEqual("breached")
  })
})

describe("support and gestures admin text", () => {
  const i18nDir = path.resolve(__dirname, "../../i18n")
  const read = (lang: string, ns: string) =>
    JSON.parse(fs.readFileSync(path.join(i18nDir, lang, `${ns}.json`), "utf8"))
  const flatten = (obj: Record<string, unknown>, prefix = ""): string[] =>
    Object.entries(obj).flatMap(([key, value]) =>
      value && typeof value === "object"
        ? flatten(value as Record<string, unknown>, `${prefix}${key}.`)
        : [`${prefix}${key}`]
    )
  const text = {
    en: { support: read("en", "support"), gestures: read("en", "gestures"), common: read("en", "common") },
    tr: { support: read("tr", "support"), gestures: read("tr", "gestures"), common: read("tr", "common") },
  }
  /** Whether `aftersales.<ns>.<key>` resolves, as i18next would (plural `_one`/`_other` too). */
  const has = (lang: "en" | "tr", fullKey: string) => {
    const [, ns, ...rest] = fullKey.split(".")
    const keys = flatten(text[lang][ns as "support"] ?? {})
    const key = rest.join(".")
    return keys.includes(key) || keys.includes(`${key}_other`)
  }

  it("has the same keys in English and Turkish, none empty", () => {
    for (const ns of ["support", "gestures"] as const) {
      expect(flatten(text.tr[ns]).sort()).toEqual(flatten(text.en[ns]).sort())
      for (const lang of ["en", "tr"] as const) {
        const values = flatten(text[lang][ns]).map((k) =>
          k.split(".").reduce((o: any, p) => o[p], text[lang][ns])
        )
        expect(values.filter((v: string) => !v.trim())).toEqual([])
      }
    }
  })

  it("names every status, category, priority, source, channel, SLA state and gesture kind", () => {
    const dynamic = [
      ...TICKET_STATUSES.map((s) => `aftersales.common.ticket_status.${s}`),
      ...TICKET_CATEGORIES.map((c) => `aftersales.support.category.${c}`),
      ...TICKET_PRIORITIES.map((p) => `aftersales.support.priority.${p}`),
      ...TICKET_SOURCES.map((s) => `aftersales.support.source.${s}`),
      ...TICKET_CHANNELS.map((c) => `aftersales.support.channel.${c}`),
      ...["breached", "due_soon", "on_track"].map((s) => `aftersales.support.sla.${s}`),
      ...["first_response", "resolution"].map((b) => `aftersales.support.sla.breach.${b}`),
      ...GESTURE_KINDS.map((g) => `aftersales.common.gesture_kind.${g}`),
      ...GESTURE_KINDS.filter((g) => g !== "free_shipping").map((g) => `aftersales.support.resolve.value_${g}`),
    ]
    for (const lang of ["en", "tr"] as const) {
      const missing = dynamic.filter((key) =>
        key.startsWith("aftersales.common.")
          ? !flatten(text[lang].common).includes(key.replace("aftersales.common.", ""))
          : !has(lang, key)
      )
      expect({ lang, missing }).toEqual({ lang, missing: [] })
    }
  })

  it("has every literal key the support pages and widget use", () => {
    const adminDir = path.resolve(__dirname, "../..")
    const files = [
      "routes/support/page.tsx",
      "routes/support/[id]/page.tsx",
      "widgets/customer-tickets.tsx",
      ...fs.readdirSync(path.join(adminDir, "components/support")).map((f) => `components/support/${f}`),
    ]
    const used = new Set<string>()
    for (const file of files) {
      const source = fs.readFileSync(path.join(adminDir, file), "utf8")
      // `k` is bound per file to one namespace: const k = (...) => t(`aftersales.<ns>.${key}`)
      const ns = /t\(`aftersales\.(\w+)\.\$\{key\}`/.exec(source)?.[1]
      for (const [, key] of source.matchAll(/\bk\("([\w.]+)"/g)) {
        used.add(`aftersales.${ns}.${key}`)
      }
      for (const [, key] of source.matchAll(/\bt\("(aftersales\.(?:support|gestures)\.[\w.]+)"/g)) {
        used.add(key)
      }
    }
    expect(used.size).toBeGreaterThan(40)
    for (const lang of ["en", "tr"] as const) {
      const missing = [...used].filter((key) => !has(lang, key))
      expect({ lang, missing }).toEqual({ lang, missing: [] })
    }
  })
})
