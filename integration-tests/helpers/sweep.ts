import fs from "fs"
import path from "path"
import { z } from "@medusajs/framework/zod"

/**
 * The route sweep's machinery: it finds every route the plugin serves and makes bad inputs
 * from the routes' own zod schemas. The spec in `integration-tests/http/sweep/` sends them.
 */

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"] as const

/** A route found under `src/api`: its URL with `:params` and the methods its `route.ts` exports. */
export type FoundRoute = { path: string; methods: string[]; file: string }

/** `src/api/store/carts/[id]/loyalty-points/route.ts` → `/store/carts/:id/loyalty-points`. */
export function routePathOf(apiDir: string, file: string): string {
  const rel = path.relative(apiDir, path.dirname(file)).split(path.sep)
  return "/" + rel.map((seg) => seg.replace(/^\[(.+)\]$/, ":$1")).join("/")
}

/** The HTTP methods a route file exports (`export const GET`, `export async function POST`, `export { GET }`). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>()
  const direct = /export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b/g
  for (const m of source.matchAll(direct)) {
    found.add(m[1])
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim()
      if (name) {
        found.add(name)
      }
    }
  }
  return [...found].filter((n) => (HTTP_METHODS as readonly string[]).includes(n)).sort()
}

function walk(dir: string, name: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      walk(full, name, out)
    } else if (entry.name === name) {
      out.push(full)
    }
  }
  return out
}

/** Every `route.ts` under `apiDir` with its URL and exported methods. */
export function discoverRoutes(apiDir: string): FoundRoute[] {
  return walk(apiDir, "route.ts")
    .map((file) => ({
      file,
      path: routePathOf(apiDir, file),
      methods: exportedMethods(fs.readFileSync(file, "utf8")),
    }))
    .sort((a, b) => a.path.localeCompare(b.path))
}

/**
 * Core routes the plugin guards with middlewares only (no `route.ts` of its own), e.g.
 * `POST /store/returns`: `METHOD path` for each middleware matcher whose path has no route file.
 */
export function discoverGuardedCoreRoutes(apiDir: string, routes: FoundRoute[]): string[] {
  const own = new Set(routes.map((r) => r.path))
  const out = new Set<string>()
  for (const file of walk(apiDir, "middlewares.ts")) {
    const source = fs.readFileSync(file, "utf8")
    const blocks = source.matchAll(/methods:\s*\[([^\]]*)\][\s\S]*?matcher:\s*"([^"]+)"/g)
    for (const [, methods, matcher] of blocks) {
      if (matcher.includes("*") || own.has(matcher)) {
        continue
      }
      for (const m of methods.matchAll(/"([A-Z]+)"/g)) {
        out.add(`${m[1]} ${matcher}`)
      }
    }
  }
  return [...out].sort()
}

/** The tables a module's migrations create (`create table if not exists "x"`). */
export function tablesOfMigrations(modulesDir: string): string[] {
  const tables = new Set<string>()
  for (const mod of fs.readdirSync(modulesDir)) {
    const dir = path.join(modulesDir, mod, "migrations")
    if (!fs.existsSync(dir)) {
      continue
    }
    for (const file of fs.readdirSync(dir)) {
      const source = fs.readFileSync(path.join(dir, file), "utf8")
      for (const m of source.matchAll(/create table if not exists \\?"([a-z0-9_]+)\\?"/gi)) {
        tables.add(m[1])
      }
    }
  }
  return [...tables].sort()
}

/**
 * What kind of bad a value is. `wrong_type`, `unknown_enum`, `unknown_field`, `array_for_object`,
 * `object_for_array`, `missing` are bad by shape; the others (`fraction`, `negative`, `zero`,
 * `huge`, `unsafe`, `max_float`, `empty`, `blank`, `long`, `too_many`) are bad by meaning for most
 * fields and are only good where a route says so (an adjustment's points may be negative).
 */
export type BadKind =
  | "wrong_type"
  | "unknown_enum"
  | "unknown_field"
  | "array_for_object"
  | "object_for_array"
  | "missing"
  | "null"
  | "fraction"
  | "negative"
  | "zero"
  | "huge"
  | "unsafe"
  | "max_float"
  | "empty"
  | "blank"
  | "long"
  | "too_many"

/** One bad variant of a body or query: `where` is the dotted path changed. */
export type Variant = { where: string; kind: BadKind; label: string; value: unknown }

type Def = { type: string; [k: string]: any }
const defOf = (s: z.ZodType): Def => (s as any)._zod.def

/** Strips optional/default/nullable/readonly/pipe wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema
  for (;;) {
    const d = defOf(s)
    if (["optional", "default", "nullable", "readonly", "prefault", "catch", "nonoptional"].includes(d.type)) {
      s = d.innerType
    } else if (d.type === "pipe") {
      s = d.in
    } else if (d.type === "lazy") {
      s = d.getter()
    } else {
      return s
    }
  }
}

/** The long string used everywhere: longer than any `max` in the plugin's schemas. */
export const LONG_STRING = "x".repeat(20_000)

/** Bad values for one field of the given schema (the field's own value is `base`). */
function leafVariants(schema: z.ZodType, base: unknown): { kind: BadKind; label: string; value: unknown }[] {
  const s = unwrap(schema)
  const d = defOf(s)
  const out: { kind: BadKind; label: string; value: unknown }[] = [{ kind: "null", label: "null", value: null }]
  const asString = d.coerce ? [] : [{ kind: "wrong_type" as const, label: "numeric string", value: "12" }]
  switch (d.type) {
    case "number":
    case "bigint":
      out.push(
        ...asString,
        { kind: "wrong_type", label: "word", value: "abc" },
        { kind: "wrong_type", label: "boolean", value: true },
        { kind: "array_for_object", label: "array", value: [1] },
        { kind: "wrong_type", label: "object", value: { n: 1 } },
        { kind: "fraction", label: "1.5", value: 1.5 },
        { kind: "fraction", label: "0.0001", value: 0.0001 },
        { kind: "negative", label: "-1", value: -1 },
        { kind: "negative", label: "-1e15", value: -1e15 },
        { kind: "zero", label: "0", value: 0 },
        { kind: "huge", label: "1e15", value: 1e15 },
        { kind: "unsafe", label: "2^53+2", value: 2 ** 53 + 2 },
        { kind: "max_float", label: "1e308", value: 1e308 }
      )
      break
    case "string":
      out.push(
        { kind: "wrong_type", label: "number", value: 123 },
        { kind: "wrong_type", label: "boolean", value: false },
        { kind: "array_for_object", label: "array of strings", value: [typeof base === "string" ? base : "a"] },
        { kind: "wrong_type", label: "object", value: { $ne: null } },
        { kind: "empty", label: "empty", value: "" },
        { kind: "blank", label: "spaces", value: "   " },
        { kind: "long", label: "20000 chars", value: LONG_STRING }
      )
      break
    case "enum": {
      const values = Object.values(d.entries) as string[]
      out.push(
        { kind: "unknown_enum", label: "unknown value", value: "__not_a_value__" },
        { kind: "unknown_enum", label: "upper case", value: String(values[0]).toUpperCase() },
        { kind: "unknown_enum", label: "padded", value: ` ${values[0]} ` },
        { kind: "wrong_type", label: "number", value: 1 },
        { kind: "array_for_object", label: "array of values", value: [values[0]] },
        { kind: "long", label: "20000 chars", value: LONG_STRING }
      )
      break
    }
    case "boolean":
      out.push(
        { kind: "wrong_type", label: "string", value: "true" },
        { kind: "wrong_type", label: "number", value: 1 },
        { kind: "wrong_type", label: "object", value: {} }
      )
      break
    case "literal":
      out.push(
        { kind: "unknown_enum", label: "other literal", value: d.values[0] === true ? false : "__other__" },
        { kind: "wrong_type", label: "string", value: String(d.values[0]) },
        { kind: "wrong_type", label: "number", value: 1 }
      )
      break
    case "array":
      out.push(
        { kind: "object_for_array", label: "object", value: Array.isArray(base) && base.length ? base[0] : { a: 1 } },
        { kind: "wrong_type", label: "string", value: "a" },
        { kind: "empty", label: "empty array", value: [] },
        {
          kind: "too_many",
          label: "1000 elements",
          value: Array.from({ length: 1000 }, () => (Array.isArray(base) && base.length ? base[0] : "a")),
        }
      )
      break
    case "object":
      out.push(
        { kind: "array_for_object", label: "array", value: [base ?? {}] },
        { kind: "wrong_type", label: "string", value: "a" },
        { kind: "wrong_type", label: "number", value: 1 }
      )
      break
    case "record":
      out.push(
        { kind: "array_for_object", label: "array", value: [base ?? {}] },
        { kind: "wrong_type", label: "string", value: "a" }
      )
      break
    case "union":
      out.push(
        { kind: "unknown_enum", label: "unknown value", value: "__not_a_value__" },
        { kind: "wrong_type", label: "number", value: 1 },
        { kind: "array_for_object", label: "array", value: [base ?? {}] }
      )
      break
    default:
      out.push({ kind: "wrong_type", label: "object", value: { a: 1 } })
  }
  return out
}

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)))

function setAt(root: any, at: (string | number)[], value: unknown, remove = false): any {
  const copy = clone(root) ?? {}
  let node = copy
  for (const key of at.slice(0, -1)) {
    node = node[key]
  }
  const last = at[at.length - 1]
  if (remove) {
    delete node[last]
  } else {
    node[last] = value
  }
  return copy
}

const show = (at: (string | number)[]) =>
  at.length ? at.map((k) => (typeof k === "number" ? `[${k}]` : k)).join(".").replace(/\.\[/g, "[") : "(body)"

/**
 * Every bad variant of `base` that the schema's shape suggests: for each field (present or
 * optional), wrong types and out-of-range values; for each object, an unknown field, the object
 * given as an array, each required field missing; for each array, an object, empty, too long,
 * and the variants of its first element. Answers whole bodies with one thing changed.
 */
export function badVariants(schema: z.ZodType, base: Record<string, unknown>): Variant[] {
  const out: Variant[] = []
  const visit = (root: any, s: z.ZodType, value: unknown, at: (string | number)[]) => {
    const inner = unwrap(s)
    const d = defOf(inner)
    if (at.length) {
      for (const v of leafVariants(s, value)) {
        out.push({ where: show(at), kind: v.kind, label: v.label, value: setAt(root, at, v.value) })
      }
    }
    if (d.type === "object") {
      const shape = d.shape as Record<string, z.ZodType>
      const obj = (value && typeof value === "object" ? value : {}) as Record<string, unknown>
      out.push({
        where: show(at),
        kind: "unknown_field",
        label: "unknown field",
        value: at.length ? setAt(root, [...at, "__unknown_field"], 1) : { ...root, __unknown_field: 1 },
      })
      // (A root `constructor`/`__proto__` key is dropped by the JSON body parser: not sent.)
      for (const [key, child] of Object.entries(shape)) {
        if (key in obj) {
          out.push({ where: show([...at, key]), kind: "missing", label: "missing", value: setAt(root, [...at, key], undefined, true) })
          visit(root, child, obj[key], [...at, key])
        } else {
          // An optional field the base leaves out: give it bad values too.
          const example = exampleOf(child)
          visit(setAt(root, [...at, key], example), child, example, [...at, key])
        }
      }
    } else if (d.type === "array" && Array.isArray(value) && value.length) {
      visit(root, d.element, value[0], [...at, 0])
    } else if (d.type === "record" && value && typeof value === "object") {
      const [key] = Object.keys(value)
      if (key !== undefined) {
        out.push({ where: show([...at, "<key>"]), kind: "unknown_enum", label: "bad key", value: setAt(root, [...at, "NOT A KEY"], (value as any)[key]) })
        visit(root, d.valueType, (value as any)[key], [...at, key])
      }
    } else if (d.type === "union" && value && typeof value === "object") {
      const member = (d.options as z.ZodType[]).find((o) => o.safeParse(value).success)
      if (member && defOf(unwrap(member)).type === "object") {
        const shape = defOf(unwrap(member)).shape as Record<string, z.ZodType>
        for (const [key, child] of Object.entries(shape)) {
          if (key in (value as object)) {
            visit(root, child, (value as any)[key], [...at, key])
          } else {
            const example = exampleOf(child)
            visit(setAt(root, [...at, key], example), child, example, [...at, key])
          }
        }
      }
    }
  }
  visit(base, schema, base, [])
  // Wholly wrong bodies.
  out.push({ where: "(body)", kind: "array_for_object", label: "array body", value: [base] })
  out.push({ where: "(body)", kind: "missing", label: "empty body", value: {} })
  return out
}

/** A plausible good value for a schema, to mutate an optional field the base leaves out. */
function exampleOf(schema: z.ZodType): unknown {
  const d = defOf(unwrap(schema))
  switch (d.type) {
    case "number":
      return 1
    case "string":
      return "a"
    case "boolean":
      return true
    case "enum":
      return Object.values(d.entries)[0]
    case "literal":
      return d.values[0]
    case "array":
      return [exampleOf(d.element)]
    case "object":
      return Object.fromEntries(Object.entries(d.shape as Record<string, z.ZodType>).map(([k, v]) => [k, exampleOf(v)]))
    case "record":
      return {}
    default:
      return null
  }
}

/** A bad query string and what Express (qs, extended) parses it to. */
export type BadQuery = { where: string; kind: BadKind; label: string; qs: string; parsed: Record<string, unknown> }

/**
 * Bad query strings for a list route's query schema: each parameter with wrong, negative,
 * fractional, huge and unknown values, repeated (an array) or nested (an object), plus unknown
 * parameters. Strings stay under Node's 16 KB header limit, so the app (not Node) answers.
 */
export function badQueries(schema: z.ZodType | null): BadQuery[] {
  const out: BadQuery[] = [
    { where: "(query)", kind: "unknown_field", label: "unknown parameter", qs: "__unknown=1", parsed: { __unknown: "1" } },
    { where: "(query)", kind: "unknown_field", label: "fields injection", qs: "fields=*customer", parsed: { fields: "*customer" } },
    { where: "(query)", kind: "unknown_field", label: "customer_id of someone else", qs: "customer_id=cus_someone_else", parsed: { customer_id: "cus_someone_else" } },
  ]
  if (!schema) {
    return out
  }
  const shape = defOf(unwrap(schema)).shape as Record<string, z.ZodType>
  const long = "x".repeat(5000)
  for (const [key, child] of Object.entries(shape)) {
    const d = defOf(unwrap(child))
    const add = (kind: BadKind, label: string, raw: string, value: unknown) =>
      out.push({ where: key, kind, label, qs: raw, parsed: { [key]: value } })
    add("array_for_object", "repeated", `${key}=1&${key}=2`, ["1", "2"])
    add("wrong_type", "nested object", `${key}[a]=1`, { a: "1" })
    add("wrong_type", "bracket array", `${key}[]=1`, ["1"])
    add("long", "5000 chars", `${key}=${long}`, long)
    if (d.type === "number") {
      add("wrong_type", "word", `${key}=abc`, "abc")
      add("fraction", "1.5", `${key}=1.5`, "1.5")
      add("negative", "-1", `${key}=-1`, "-1")
      add("negative", "-1e15", `${key}=-1e15`, "-1e15")
      add("huge", "1e15", `${key}=1e15`, "1e15")
      add("max_float", "1e400", `${key}=1e400`, "1e400")
      add("wrong_type", "hex", `${key}=0x10`, "0x10")
      add("empty", "empty", `${key}=`, "")
      add("wrong_type", "Infinity", `${key}=Infinity`, "Infinity")
      add("wrong_type", "NaN", `${key}=NaN`, "NaN")
    } else if (d.type === "enum") {
      add("unknown_enum", "unknown value", `${key}=__not_a_value__`, "__not_a_value__")
      const first = String(Object.values(d.entries)[0])
      add("unknown_enum", "upper case", `${key}=${first.toUpperCase()}`, first.toUpperCase())
      add("empty", "empty", `${key}=`, "")
    } else if (d.type === "string") {
      add("wrong_type", "operator object", `${key}[$ne]=x`, { $ne: "x" })
    }
  }
  return out
}
