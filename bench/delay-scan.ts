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
 * indexes (500 a page, both stages), each page's incidents recorded with one
 * `recordLateIncidents` (one transaction: the page's watches locked, one multi-row insert
 * that the unique index of order and stage arbitrates, one update of the watches' marks).
 * Tickets, emails and events are left out: the job opens them per recorded incident through
 * other modules (support, notification), which this module-only bench does not load. Prints
 * the time of the read and of the whole run, the memory the run itself took (peak heap and
 * RSS growth over the start, not the process with its seeded rows), and the 100 k / 10 k
 * ratio. A first, unprinted run on 2 k watches warms the code paths up.
 */
import { MedusaModule } from "@medusajs/framework/modules-sdk"
import { generateEntityId } from "@medusajs/framework/utils"
import DelayWatchService from "../src/modules/delay_watch/service"
import { SCANNED_STAGES, ScanCursor } from "../src/modules/delay_watch/types"
import { AftersalesModules } from "../src/types/modules"
import { bootModule, Knex } from "./boot-module"

const LATE = 1_000
const SIZES = [10_000, 100_000]
const PAGE = 500
const HOUR = 60 * 60 * 1000
const DB = "aftersales_delay_bench"

async function main() {
  const { app, pg, service } = await bootModule<DelayWatchService>(AftersalesModules.DELAY_WATCH, "delay_watch", DB)

  await seed(pg, 2 * LATE)
  await scan(service)

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
        `  one scan run (read + ${full.value} incidents recorded in bulk, a transaction per page of ${PAGE}): ${full.ms.toFixed(0)} ms (budget 2000 ms)`,
        `  memory of the scan itself: peak heap +${mb(full.heapGrowth)} MB, peak RSS +${mb(full.rssGrowth)} MB (budget 200 MB)`,
        `  late left after the scan: ${after} (tickets, emails and events not included: see the top of this file)`,
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

/**
 * The scan as the job runs it, without tickets: per keyset page, one `recordLateIncidents`
 * (one transaction: lock, one multi-row insert, one update). Answers the incidents written.
 */
async function scan(service: DelayWatchService): Promise<number> {
  const now = new Date()
  let recorded = 0
  for (const stage of SCANNED_STAGES) {
    let after: ScanCursor | null = null
    for (;;) {
      const page = await service.listLateWatches(stage, { now, after, limit: PAGE })
      const created = await service.recordLateIncidents(
        stage,
        page.map((w) => w.id),
        now
      )
      recorded += created.length
      if (page.length < PAGE) {
        break
      }
      after = { due: page[page.length - 1].due, id: page[page.length - 1].id }
    }
  }
  return recorded
}

/** Time of `run`, and the memory it took: heap growth and RSS growth (peak) over the start. */
async function measure<T>(run: () => Promise<T>) {
  global.gc?.()
  const before = process.memoryUsage()
  let peakRss = before.rss
  let peakHeap = before.heapUsed
  const timer = setInterval(() => {
    const now = process.memoryUsage()
    peakRss = Math.max(peakRss, now.rss)
    peakHeap = Math.max(peakHeap, now.heapUsed)
  }, 5)
  const start = process.hrtime.bigint()
  const value = await run()
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  clearInterval(timer)
  const end = process.memoryUsage()
  peakRss = Math.max(peakRss, end.rss)
  peakHeap = Math.max(peakHeap, end.heapUsed)
  return { value, ms, rssGrowth: peakRss - before.rss, heapGrowth: peakHeap - before.heapUsed }
}

const mb = (bytes: number) => (Math.max(0, bytes) / 1024 / 1024).toFixed(1)

// The module's pools keep the event loop alive after shutdown: leave explicitly.
main()
  .then(() => process.exit(0))
  .catch((e) => {
    process.stderr.write(`${e?.stack ?? e}\n`)
    process.exit(1)
  })
