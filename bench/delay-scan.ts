/**
 * Delay scan benchmark (SPEC §8: 100 k open orders with 1 k late, one scan < 2 s and < 200 MB;
 * the time must follow the late orders, not all orders).
 *
 * Run from the repository root (a throwaway embedded Postgres, the module from source):
 *
 *   MEDUSA_DISABLE_TELEMETRY=true node scripts/with-postgres.mjs npx ts-node --transpile-only bench/delay-scan.ts
 *
 * For 10 k and then 100 k open watches, 1 k of them late to ship, it runs the scan as the job
 * does through the delay watch module service: keyset pages of late watches from the partial
 * indexes (500 a page, both stages), then one `recordIncident` per late order (locked row,
 * unique incident, the mark that takes it out of the index). Tickets and notifications are
 * left out: they are per late order by construction and belong to other modules. Prints the
 * time of the read and of the whole scan, the peak RSS and heap growth during it, and the
 * 100 k / 10 k ratio.
 */
import { MedusaApp, MedusaAppMigrateUp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, createPgConnection, generateEntityId } from "@medusajs/framework/utils"
import path from "path"
import DelayWatchService from "../src/modules/delay_watch/service"
import { SCANNED_STAGES, ScanCursor } from "../src/modules/delay_watch/types"
import { AftersalesModules } from "../src/types/modules"

const LATE = 1_000
const SIZES = [10_000, 100_000]
const PAGE = 500
const HOUR = 60 * 60 * 1000
const DB = "aftersales_delay_bench"

type Knex = ReturnType<typeof createPgConnection>

async function main() {
  const base = process.env.DATABASE_URL
  if (!base) {
    throw new Error("DATABASE_URL is not set: run through scripts/with-postgres.mjs (see the top of this file)")
  }
  const admin = createPgConnection({ clientUrl: base })
  await admin.raw("DROP DATABASE IF EXISTS aftersales_delay_bench")
  await admin.raw("CREATE DATABASE aftersales_delay_bench")
  await admin.destroy()
  const clientUrl = base.replace(/\/[^/]*$/, `/${DB}`)

  const modulesConfig = {
    [AftersalesModules.DELAY_WATCH]: {
      resolve: path.join(__dirname, "..", "src", "modules", "delay_watch"),
      options: { database: { clientUrl } },
    },
  }
  const pg = createPgConnection({ clientUrl })
  const injectedDependencies = { [ContainerRegistrationKeys.PG_CONNECTION]: pg }
  await MedusaAppMigrateUp({ modulesConfig, injectedDependencies })
  const app = await MedusaApp({ modulesConfig, injectedDependencies })
  await app.onApplicationStart()
  const service = app.modules[AftersalesModules.DELAY_WATCH] as unknown as DelayWatchService

  const results: Record<number, { read: number; scan: number }> = {}
  for (const size of SIZES) {
    await seed(pg, size)
    const read = await measure(() => readLate(service))
    // The read leaves nothing behind; the full scan marks the late ones (reseed for a clean run).
    const full = await measure(() => scan(service))
    if (full.value !== LATE || read.value !== LATE) {
      throw new Error(`expected ${LATE} late watches, read ${read.value}, recorded ${full.value}`)
    }
    results[size] = { read: read.ms, scan: full.ms }
    const after = await readLate(service)
    process.stdout.write(
      [
        `${size.toLocaleString("en")} open watches, ${LATE} late:`,
        `  read late pages: ${read.ms.toFixed(0)} ms`,
        `  full scan (read + ${LATE} incidents): ${full.ms.toFixed(0)} ms, peak RSS ${mb(full.peakRss)} MB, heap +${mb(full.heapGrowth)} MB`,
        `  late left after the scan: ${after}`,
        "",
      ].join("\n")
    )
  }
  const [small, big] = SIZES
  process.stdout.write(
    `ratio ${big / 1000}k / ${small / 1000}k (same ${LATE} late): read ${(results[big].read / results[small].read).toFixed(2)}x, full scan ${(results[big].scan / results[small].scan).toFixed(2)}x\n`
  )
  await app.onApplicationShutdown()
  await pg.destroy()
  MedusaModule.clearInstances()
}

/** N open watches placed over the last day, the first LATE of them past their ship-by date. */
async function seed(pg: Knex, size: number) {
  await pg.raw("TRUNCATE delay_watch, delay_watch_incident")
  const now = Date.now()
  const rows: Record<string, unknown>[] = []
  for (let i = 0; i < size; i++) {
    const placed = new Date(now - (i % 24) * HOUR)
    const late = i < LATE
    rows.push({
      id: generateEntityId(undefined, "dlyw"),
      order_id: `order_bench_${i}`,
      customer_id: `cus_bench_${i % 5000}`,
      status: "open",
      placed_at: placed,
      ship_by: new Date(late ? now - HOUR - i * 1000 : now + 24 * HOUR + i * 1000),
      deliver_by: new Date(now + 5 * 24 * HOUR),
    })
  }
  await pg.batchInsert("delay_watch", rows, 5000)
  await pg.raw("ANALYZE delay_watch")
}

/** The scan's read: every page of late watches of both stages. */
async function readLate(service: DelayWatchService): Promise<number> {
  const now = new Date()
  let count = 0
  for (const stage of SCANNED_STAGES) {
    let after: ScanCursor | null = null
    for (;;) {
      const page = await service.listLateWatches(stage, { now, after, limit: PAGE })
      count += page.length
      if (page.length < PAGE) {
        break
      }
      after = { due: page[page.length - 1].due, id: page[page.length - 1].id }
    }
  }
  return count
}

/** The scan as the job runs it, without tickets: read, then record each late order once. */
async function scan(service: DelayWatchService): Promise<number> {
  const now = new Date()
  let recorded = 0
  for (const stage of SCANNED_STAGES) {
    let after: ScanCursor | null = null
    for (;;) {
      const page = await service.listLateWatches(stage, { now, after, limit: PAGE })
      for (const w of page) {
        const { created } = await service.recordIncident({
          order_id: w.order_id,
          stage,
          cause: stage === "ship" ? "not_shipped" : "not_delivered",
          new_estimate: new Date(now.getTime() + 3 * 24 * HOUR),
        })
        recorded += created ? 1 : 0
      }
      if (page.length < PAGE) {
        break
      }
      after = { due: page[page.length - 1].due, id: page[page.length - 1].id }
    }
  }
  return recorded
}

async function measure<T>(run: () => Promise<T>) {
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  let peakRss = process.memoryUsage().rss
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 5)
  const start = process.hrtime.bigint()
  const value = await run()
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  clearInterval(timer)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  return { value, ms, peakRss, heapGrowth: Math.max(0, process.memoryUsage().heapUsed - heapBefore) }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)

// The module's pools keep the event loop alive after shutdown: leave explicitly.
main()
  .then(() => process.exit(0))
  .catch((e) => {
    process.stderr.write(`${e?.stack ?? e}\n`)
    process.exit(1)
  })
