// `npm run bench:checkout [-- rounds]`: SPEC §8 "cart completion with points applied: median
// latency ≤ 1.10 × stock Medusa's, same run", with one command and nothing left running.
//
// One throwaway embedded Postgres (data in .tmp/bench-pg, deleted at the end) with two
// databases; database A: the demo app in demo/ (the plugin installed as a merchant installs
// it, via scripts/store.mjs); database B: its stock twin generated in .tmp/bench-stock/ (the
// same package.json minus medusa-aftersales, the same medusa-config.ts minus `plugins`, the same
// seed minus the plugin's steps). Both are built and started in production mode on free
// ports, then bench/loyalty-checkout.ts alternates checkouts between them over HTTP.
// Everything is stopped on success, failure or Ctrl-C. Env: BENCH_WARMUP (default 3);
// BENCH_KEEP=1 leaves both stores running after the run (prints their URLs and keys).
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { freePort } from "../scripts/postgres.mjs"
import { prepareStore, root, startStore, stopStore } from "../scripts/store.mjs"
import { prepareStock, say, startBenchPostgres, startStock, stopBenchPostgres, writeStockTwin } from "./stock-twin.mjs"

const rounds = Number(process.argv[2] ?? 40)
const adminEmail = "bench-admin@example.com"
const adminPassword = "bench-admin-password"

let db = null
const servers = []
let stopping = false
async function stopAll(code) {
  if (stopping) return
  stopping = true
  say("Stopping both stores and Postgres…")
  await Promise.all(servers.map((s) => stopStore(s)))
  await stopBenchPostgres(db)
  process.exit(code)
}
process.on("SIGINT", () => stopAll(130))
process.on("SIGTERM", () => stopAll(143))

try {
  const began = Date.now()
  db = await startBenchPostgres()
  const pluginDb = db.url("bench_plugin")
  const stockDb = db.url("bench_stock")

  say("Plugin store (demo/): plugin build, migrate, seed, admin user, medusa build…")
  const pluginInfo = prepareStore({ databaseUrl: pluginDb, adminEmail, adminPassword, quiet: true })
  if (!pluginInfo.publishable_key) throw new Error("the demo seed printed no publishable key")

  say("Stock twin (.tmp/bench-stock/): generating from demo/…")
  writeStockTwin()
  const stockInfo = prepareStock(stockDb)

  const [pluginPort, stockPort] = [await freePort(), await freePort()]
  say(`Starting the plugin store on :${pluginPort} and the stock store on :${stockPort} (production mode)…`)
  const pluginServer = await startStore({ databaseUrl: pluginDb, port: pluginPort, quiet: true })
  servers.push(pluginServer)
  await startStock(stockDb, stockPort, servers)
  say(`Both stores up after ${((Date.now() - began) / 1000).toFixed(0)} s. Load now: ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`)

  const bench = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", path.join(root, "bench", "loyalty-checkout.ts"), String(rounds)],
    {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        BENCH_PLUGIN_URL: `http://localhost:${pluginPort}`,
        BENCH_PLUGIN_KEY: pluginInfo.publishable_key,
        BENCH_STOCK_URL: `http://localhost:${stockPort}`,
        BENCH_STOCK_KEY: stockInfo.publishable_key,
        BENCH_ADMIN_EMAIL: adminEmail,
        BENCH_ADMIN_PASSWORD: adminPassword,
      },
    }
  )
  const code = await new Promise((resolve) => bench.on("exit", (c) => resolve(c ?? 1)))
  say(`Done in ${((Date.now() - began) / 1000).toFixed(0)} s. Load at the end: ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`)
  if (process.env.BENCH_KEEP) {
    // For profiling: both stores stay up; run bench/loyalty-checkout.ts against them by hand.
    say(
      `BENCH_KEEP: both stores stay up until Ctrl-C.\n` +
        `BENCH_PLUGIN_URL=http://localhost:${pluginPort} BENCH_PLUGIN_KEY=${pluginInfo.publishable_key} ` +
        `BENCH_STOCK_URL=http://localhost:${stockPort} BENCH_STOCK_KEY=${stockInfo.publishable_key} ` +
        `BENCH_ADMIN_EMAIL=${adminEmail} BENCH_ADMIN_PASSWORD=${adminPassword}`
    )
    await new Promise(() => {})
  }
  await stopAll(code)
} catch (e) {
  process.stderr.write(`\n[bench] failed: ${e.stack ?? e}\n`)
  await stopAll(1)
}
