/**
 * Overview benchmark: `GET /admin/aftersales/overview` over HTTP on a store-sized history.
 *
 * Run from the repository root (a throwaway embedded Postgres, the plugin from source):
 *
 *   MEDUSA_DISABLE_TELEMETRY=true node scripts/with-postgres.mjs npx ts-node --transpile-only bench/overview.ts
 *
 * It creates a database, migrates it (`medusa db:migrate`, the plugin's modules and links), then
 * seeds twelve months of history in bulk (`INSERT … SELECT generate_series`, one statement a
 * table): 50 k points accounts and 1 M ledger entries, 100 k tickets with their resolutions and
 * ratings, 20 k gestures, 50 k return requests, 200 k delay watches and their incidents, then
 * `VACUUM ANALYZE` (what autovacuum does on a store that has been running). Every row's time is
 * counted back from the start of today, so two runs on one day seed the same figures: the digest
 * printed of the answer (without `period.to`, keys sorted) is then comparable before and after a
 * change.
 *
 * It boots the app in this process (as the HTTP test runner does), creates an admin and times
 * BENCH_REQUESTS (default 15) sequential `GET /admin/aftersales/overview` after BENCH_WARMUP
 * (default 5) uncounted ones, and prints the median, min and max. Budget: median < 300 ms.
 * Jobs are not stopped: the seeded watches give the delay scan nothing to do.
 *
 * Then (unless BENCH_EXPLAIN=0) it runs every statement of the modules' overview repositories
 * alone, one after the other, then under `EXPLAIN (ANALYZE, BUFFERS)`, and prints the time of
 * each (the plain run's, as the client saw it, and the plan's execution time) and the plan of
 * the slowest.
 */
import { configLoaderOverride, startApp } from "@medusajs/test-utils"
import { createPgConnection } from "@medusajs/framework/utils"
import { execFileSync } from "child_process"
import { createHash } from "crypto"
import path from "path"
import { createAdminUser } from "../integration-tests/helpers/admin"
import { summarizeDelays } from "../src/modules/delay_watch/repositories/overview"
import { summarizeGestures } from "../src/modules/gestures/repositories/overview"
import { summarizeLedger } from "../src/modules/loyalty_points/repositories/overview"
import { summarizeRequests } from "../src/modules/return_rules/repositories/overview"
import { summarizeTickets } from "../src/modules/support/repositories/overview"
import { OverviewPeriod } from "../src/types/overview"

type Knex = ReturnType<typeof createPgConnection>

const DB = "aftersales_overview_bench"
const BUDGET_MS = 300
const ACCOUNTS = 50_000
const LEDGER = 1_000_000
const TICKETS = 100_000
const GESTURES = 20_000
const REQUESTS = 50_000
const WATCHES = 200_000
/** Minutes in the 365 days the history spans. */
const SPAN = 365 * 24 * 60

async function main() {
  const base = process.env.DATABASE_URL
  if (!base) {
    throw new Error("DATABASE_URL is not set: run through scripts/with-postgres.mjs (see the top of this file)")
  }
  const admin = createPgConnection({ clientUrl: base })
  await admin.raw("DROP DATABASE IF EXISTS ??", [DB])
  await admin.raw("CREATE DATABASE ??", [DB])
  await admin.destroy()
  const clientUrl = base.replace(/\/[^/]*$/, `/${DB}`)
  process.env.DATABASE_URL = clientUrl
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || "error"

  const root = path.join(__dirname, "..")
  let t0 = performance.now()
  execFileSync("npx", ["medusa", "db:migrate", "--skip-scripts"], { cwd: root, env: process.env, stdio: "ignore" })
  log(`migrated in ${seconds(t0)} s`)

  const pg = createPgConnection({ clientUrl })
  t0 = performance.now()
  await seed(pg)
  const counts = await pg.raw(
    `SELECT (SELECT count(*) FROM loyalty_points_transaction)::int AS ledger,
            (SELECT count(*) FROM support_ticket)::int AS tickets,
            (SELECT count(*) FROM support_ticket_resolution)::int AS resolutions,
            (SELECT count(*) FROM gestures_gesture)::int AS gestures,
            (SELECT count(*) FROM return_rules_return_request)::int AS requests,
            (SELECT count(*) FROM delay_watch)::int AS watches,
            (SELECT count(*) FROM delay_watch_incident)::int AS incidents`
  )
  log(`seeded in ${seconds(t0)} s: ${JSON.stringify(counts.rows[0])}`)

  t0 = performance.now()
  // As the HTTP test runner does: the config with this database and the admin UI off.
  await configLoaderOverride(root, { clientUrl })
  const { shutdown, container, port } = await startApp({ cwd: root })
  log(`app up in ${seconds(t0)} s`)
  const baseUrl = `http://localhost:${port}`
  const api = {
    post: async (url: string, body: unknown) => {
      const res = await fetch(`${baseUrl}${url}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      })
      return { data: await res.json() }
    },
  }
  const { headers } = await createAdminUser(container, api)

  const get = async () => {
    const start = performance.now()
    const res = await fetch(`${baseUrl}/admin/aftersales/overview`, { headers })
    const body = await res.text()
    const ms = performance.now() - start
    if (res.status !== 200) {
      throw new Error(`GET /admin/aftersales/overview answered ${res.status}: ${body}`)
    }
    return { ms, body }
  }

  const warmup = Number(process.env.BENCH_WARMUP ?? 5)
  const rounds = Number(process.env.BENCH_REQUESTS ?? 15)
  let last = ""
  for (let i = 0; i < warmup; i++) {
    last = (await get()).body
  }
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    samples.push((await get()).ms)
  }
  samples.sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)]

  const overview = JSON.parse(last)
  delete overview.period.to
  const digest = createHash("sha256").update(JSON.stringify(sortKeys(overview))).digest("hex").slice(0, 16)
  log(
    [
      `figures: points earned ${overview.loyalty.points_earned}, tickets ${overview.support.tickets},` +
        ` requests ${overview.returns.requests}, gestures issued ${overview.gestures.issued},` +
        ` cost ${JSON.stringify(overview.gestures.cost)}, late ${overview.delays.total_late}`,
      `answer digest (without period.to): ${digest}`,
      `GET /admin/aftersales/overview, ${rounds} requests after ${warmup} warm-up:` +
        ` median ${median.toFixed(0)} ms, min ${samples[0].toFixed(0)} ms, max ${samples[samples.length - 1].toFixed(0)} ms` +
        ` (${median < BUDGET_MS ? "within" : "OVER"} the ${BUDGET_MS} ms budget)`,
    ].join("\n")
  )

  if (process.env.BENCH_EXPLAIN !== "0") {
    await explain(pg, { from: new Date(overview.period.from), to: new Date() })
  }

  await pg.destroy()
  await shutdown()
  process.exit(0)
}

/**
 * Runs each module's overview repository with a connection that times and explains its
 * statements instead of answering them, and prints the time of each and the plan of the slowest.
 */
async function explain(pg: Knex, period: OverviewPeriod) {
  const plans: { name: string; ms: number; plain: number; plan: string }[] = []
  const parts = { summarizeLedger, summarizeTickets, summarizeGestures, summarizeRequests, summarizeDelays }
  for (const [name, summarize] of Object.entries(parts)) {
    let n = 0
    let queue: Promise<unknown> = Promise.resolve()
    const explaining = {
      // The repositories send their statements at once; these run them one after the other.
      raw: (sql: string, bindings?: Record<string, unknown>) => {
        const run = queue.then(() => explainOne(sql, bindings))
        queue = run
        return run
      },
    }
    const explainOne = async (sql: string, bindings?: Record<string, unknown>) => {
      const query = (text: string) => (bindings ? pg.raw(text, bindings) : pg.raw(text))
      const start = performance.now()
      await query(sql)
      const plain = performance.now() - start
      const { rows } = await query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`)
      const plan = (rows as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n")
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN)
      plans.push({ name: `${name} #${++n}`, ms, plain, plan: `${sql.replace(/\s+/g, " ").trim()}\n${plan}` })
      return { rows: [] }
    }
    await summarize(explaining as unknown as Parameters<typeof summarize>[0], period).catch(() => undefined)
  }
  for (const p of plans) {
    log(`  ${p.name.padEnd(22)} ${p.plain.toFixed(1).padStart(6)} ms (under EXPLAIN ANALYZE ${p.ms.toFixed(1)} ms)`)
  }
  const slowest = plans.reduce((a, b) => (b.ms > a.ms ? b : a))
  log(`slowest statement, ${slowest.name}:\n${slowest.plan}`)
}

/**
 * Twelve months of history, one statement a table. Row g's time is `minute(g)` minutes before
 * the start of today, a permutation of the span so that times spread evenly and rarely collide.
 */
async function seed(pg: Knex) {
  const at = (g: string, prime: number) => `date_trunc('day', now()) - ((${g}::bigint * ${prime}) % ${SPAN}) * interval '1 minute'`

  await pg.raw(
    `INSERT INTO loyalty_points_account (id, customer_id, balance, pending, created_at, updated_at)
     SELECT 'lyacc_b' || g, 'cus_b' || g, (g * 37) % 2000, (g * 11) % 300, now(), now()
     FROM generate_series(1, ${ACCOUNTS}) AS g`
  )
  // Mostly earnings; redemptions, expiries, reversals, refunds, bonuses and adjustments among them.
  await pg.raw(
    `INSERT INTO loyalty_points_transaction
       (id, account_id, customer_id, type, points, status, remaining, idempotency_key, source, created_at, updated_at)
     SELECT 'lytx_b' || g, 'lyacc_b' || (g % ${ACCOUNTS} + 1), 'cus_b' || (g % ${ACCOUNTS} + 1), t.type,
            CASE WHEN t.type IN ('redeem', 'reverse', 'expire') THEN -1 ELSE 1 END * (1 + g % 500),
            CASE WHEN g % 10 = 0 THEN 'pending' ELSE 'available' END, 0, 'bench:' || g, 'order',
            ${at("g", 7919)}, now()
     FROM generate_series(1, ${LEDGER}) AS g,
          LATERAL (SELECT (ARRAY['earn','earn','earn','earn','earn','earn','redeem','redeem','expire','bonus',
                                 'earn','redeem','reverse','refund','adjust','earn','earn','redeem','earn','earn'])[g % 20 + 1] AS type) t`
  )
  await pg.raw(
    `INSERT INTO support_ticket
       (id, customer_id, order_id, category, status, priority, channel, source, subject,
        first_response_due_at, resolution_due_at, sla_breached_at, sla_breach, resolved_at, created_at, updated_at)
     SELECT 'stkt_b' || g, 'cus_b' || (g % ${ACCOUNTS} + 1), 'order_b' || g,
            (ARRAY['delay','damaged','wrong_item','missing_item','return','refund','payment','other'])[g % 8 + 1],
            (ARRAY['resolved','resolved','closed','resolved','open','pending_customer','resolved','closed','resolved','resolved'])[g % 10 + 1],
            (ARRAY['low','normal','high','urgent'])[g % 4 + 1], 'web', 'customer', 'Ticket ' || g,
            c + interval '24 hours', c + interval '72 hours',
            CASE WHEN g % 9 = 0 THEN c + interval '25 hours' END,
            CASE WHEN g % 9 = 0 THEN 'first_response' END,
            CASE WHEN g % 10 IN (0, 1, 2, 3, 6, 7, 8, 9) THEN c + interval '30 hours' END,
            c, c
     FROM generate_series(1, ${TICKETS}) AS g, LATERAL (SELECT ${at("g", 104729)} AS c) t`
  )
  // One resolution per resolved or closed ticket; four in ten of them rated.
  await pg.raw(
    `INSERT INTO support_ticket_resolution (id, ticket_id, outcome, rating_score, rated_at, created_at, updated_at)
     SELECT 'stres_b' || substr(id, 7), id, 'resolved',
            CASE WHEN display_id % 5 < 2 THEN 1 + display_id % 5 * 2 + display_id % 3 END,
            CASE WHEN display_id % 5 < 2 THEN resolved_at + interval '2 days' END,
            resolved_at, resolved_at
     FROM support_ticket WHERE resolved_at IS NOT NULL`
  )
  await pg.raw(
    `INSERT INTO gestures_gesture
       (id, customer_id, ticket_id, order_id, kind, value, amount, currency_code, status, expires_at,
        issued_at, redeemed_at, idempotency_key, raw_value, raw_amount, created_at, updated_at)
     SELECT 'gest_b' || g, 'cus_b' || (g % ${ACCOUNTS} + 1), 'stkt_b' || g, 'order_b' || g, k.kind, v.value, v.value,
            (ARRAY['eur','usd','try'])[g % 3 + 1], s.status, c + interval '90 days',
            CASE WHEN s.status IN ('issued', 'redeemed') THEN c END,
            CASE WHEN s.status = 'redeemed' THEN c + interval '5 days' END,
            'bench:' || g, jsonb_build_object('value', v.value::text, 'precision', 20),
            jsonb_build_object('value', v.value::text, 'precision', 20), c, c
     FROM generate_series(1, ${GESTURES}) AS g,
          LATERAL (SELECT ${at("g", 15485863)} AS c) t,
          LATERAL (SELECT (ARRAY['fixed','percentage','store_credit','free_shipping','points'])[g % 5 + 1] AS kind) k,
          LATERAL (SELECT (ARRAY['issued','redeemed','issued','pending_approval','cancelled','redeemed'])[g % 6 + 1] AS status) s,
          LATERAL (SELECT round((1 + g % 4000) / 100.0, 2) AS value) v`
  )
  await pg.raw(
    `INSERT INTO return_rules_return_request
       (id, order_id, customer_id, idempotency_key, resolution, items, currency_code, created_at, updated_at)
     SELECT 'retreq_b' || g, 'order_b' || g, 'cus_b' || (g % ${ACCOUNTS} + 1), 'bench:' || g,
            (ARRAY['exchange','exchange','store_credit','refund','exchange'])[g % 5 + 1],
            '[]'::jsonb, 'eur', c, c
     FROM generate_series(1, ${REQUESTS}) AS g, LATERAL (SELECT ${at("g", 32452843)} AS c) t`
  )
  // Most watches delivered and closed; one in 50 late (already found by the scan, so the
  // scan job finds nothing new); recent ones open with promises in the future.
  await pg.raw(
    `INSERT INTO delay_watch
       (id, order_id, customer_id, status, placed_at, ship_by, deliver_by, shipped_at, delivered_at, closed_at,
        ship_late_at, deliver_late_at, carrier_exception_at, late_stage, created_at, updated_at)
     SELECT 'dlyw_b' || g, 'order_b' || g, 'cus_b' || (g % ${ACCOUNTS} + 1),
            CASE WHEN w.open THEN 'open' ELSE 'closed' END,
            c, c + interval '48 hours', c + interval '5 days',
            CASE WHEN NOT w.open OR l.stage IN ('deliver', 'carrier') THEN c + interval '1 day' END,
            CASE WHEN NOT w.open THEN c + interval '4 days' END,
            CASE WHEN NOT w.open THEN c + interval '4 days' END,
            CASE WHEN l.stage = 'ship' THEN c + interval '49 hours' END,
            CASE WHEN l.stage IN ('deliver', 'carrier') THEN c + interval '6 days' END,
            CASE WHEN l.stage = 'carrier' THEN c + interval '2 days' END,
            l.stage, c, c
     FROM generate_series(1, ${WATCHES}) AS g,
          LATERAL (SELECT ${at("g", 49979687)} AS c) t,
          LATERAL (SELECT CASE WHEN g % 50 = 0 THEN (ARRAY['ship','deliver','carrier'])[g / 50 % 3 + 1] END AS stage) l,
          LATERAL (SELECT l.stage IS NOT NULL AND g % 100 = 0 AS open) w`
  )
  // Open watches still inside their promise: placed in the last hour, not late.
  await pg.raw(
    `UPDATE delay_watch SET status = 'open', placed_at = now(), ship_by = now() + interval '48 hours',
            deliver_by = now() + interval '5 days', shipped_at = NULL, delivered_at = NULL, closed_at = NULL
     WHERE late_stage IS NULL AND id IN (SELECT 'dlyw_b' || g FROM generate_series(7, ${WATCHES}, 97) AS g)`
  )
  await pg.raw(
    `INSERT INTO delay_watch_incident
       (id, watch_id, order_id, stage, cause, detected_at, new_estimate, ticket_id, created_at, updated_at)
     SELECT 'dlyi' || substr(id, 5), id, order_id, late_stage, 'bench',
            coalesce(ship_late_at, deliver_late_at, carrier_exception_at),
            deliver_by + interval '3 days', 'stkt_b' || substr(id, 7), placed_at, placed_at
     FROM delay_watch WHERE late_stage IS NOT NULL`
  )
  await pg.raw("VACUUM ANALYZE")
}

/** The value with every object's keys in order, so a digest does not depend on key order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys)
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)])
    )
  }
  return value
}

function seconds(since: number) {
  return ((performance.now() - since) / 1000).toFixed(1)
}

function log(line: string) {
  process.stdout.write(`${line}\n`)
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`)
  process.exit(1)
})
