// `npm run bench:memory [-- rounds]`: SPEC §8 "peak memory of the dev server with the plugin
// ≤ 1.10 × without", with one command and nothing left running.
//
// One throwaway embedded Postgres (.tmp/bench-pg) with the demo app's database (the plugin
// installed as a merchant installs it) and its stock twin's (bench/stock-twin.mjs), both
// migrated and seeded. Then, `rounds` times (default 2), each app in turn, alone, order
// alternating: `medusa develop` starts; the resident memory of its whole process group (the
// CLI and the server it forks; Chromium is not in it) is sampled every 200 ms from spawn,
// through startup and one admin session in Chromium (bench/admin-visit.ts: login, an order, a
// customer, the plugin's pages; the admin's Vite dev server compiles them on demand), until
// SETTLE_MS after. The first round starts with no Vite cache (node_modules/.vite of each app
// removed: the first `develop` after an install, when Vite pre-bundles the admin's
// dependencies, about twice the memory), later rounds with the cache it left (every start
// after). Prints each run's peak and the ratio of the first round and of the later ones.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { freePort } from "../scripts/postgres.mjs"
import { demoDir, prepareStore, root, stopStore } from "../scripts/store.mjs"
import {
  medusaCli,
  prepareStock,
  say,
  startBenchPostgres,
  stockDir,
  stopBenchPostgres,
  tmp,
  writeStockTwin,
} from "./stock-twin.mjs"

const rounds = Number(process.argv[2] ?? 2)
const adminEmail = "bench-admin@example.com"
const adminPassword = "bench-admin-password"
const SAMPLE_MS = 200
const SETTLE_MS = 10000
const PAGE_SIZE = 4096

let db = null
let running = null
let stopping = false
async function stopAll(code) {
  if (stopping) return
  stopping = true
  say("Stopping the dev server and Postgres…")
  await stopStore(running)
  await stopBenchPostgres(db)
  process.exit(code)
}
process.on("SIGINT", () => stopAll(130))
process.on("SIGTERM", () => stopAll(143))

/** Resident bytes of every process in a process group, summed (read from /proc). */
function groupRss(pgid) {
  let bytes = 0
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
      // Fields after the command name, which may hold spaces: state, ppid, pgrp, …
      const [, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(pgrp) !== pgid) continue
      bytes += Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE_SIZE
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return bytes
}

/** Makes the admin user of the stock twin (the demo's is made by prepareStore). */
function createStockAdmin(databaseUrl) {
  const r = spawnSync(process.execPath, [medusaCli, "user", "-e", adminEmail, "-p", adminPassword], {
    cwd: stockDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true" },
    encoding: "utf8",
  })
  if (r.status !== 0 && !/exist/i.test(r.stdout + r.stderr)) {
    throw new Error(`could not create the stock twin's admin user:\n${r.stdout}${r.stderr}`)
  }
}

/** One `medusa develop` of `app` under one admin session; answers its peaks in bytes. */
async function measure(app) {
  const port = await freePort()
  const base = `http://localhost:${port}`
  const logFd = fs.openSync(path.join(tmp, `dev-memory-${app.name}.log`), "w")
  const server = spawn(process.execPath, [medusaCli, "develop"], {
    cwd: app.dir,
    env: { ...process.env, DATABASE_URL: app.databaseUrl, PORT: String(port), MEDUSA_DISABLE_TELEMETRY: "true" },
    stdio: ["ignore", logFd, logFd],
    detached: true,
  })
  running = server
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, groupRss(server.pid))), SAMPLE_MS)
  try {
    const began = Date.now()
    for (;;) {
      try {
        if ((await fetch(`${base}/health`)).ok) break
      } catch {}
      if (server.exitCode !== null) throw new Error(`medusa develop (${app.name}) exited with ${server.exitCode}; see .tmp/dev-memory-${app.name}.log`)
      if (Date.now() - began > 300000) throw new Error(`medusa develop (${app.name}) did not answer /health within 5 minutes`)
      await new Promise((r) => setTimeout(r, 500))
    }
    const startup = peak
    const visit = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(root, "bench", "admin-visit.ts")], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, AFTERSALES_BASE_URL: base, DEMO_ADMIN_EMAIL: adminEmail, DEMO_ADMIN_PASSWORD: adminPassword },
    })
    const code = await new Promise((resolve) => visit.on("exit", (c) => resolve(c ?? 1)))
    if (code !== 0) throw new Error(`the admin visit on ${app.name} failed (exit ${code})`)
    await new Promise((r) => setTimeout(r, SETTLE_MS))
    return { startup, peak }
  } finally {
    clearInterval(sampler)
    await stopStore(server)
    running = null
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const median = (v) => {
  const s = [...v].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

try {
  const began = Date.now()
  db = await startBenchPostgres()
  const apps = [
    { name: "with the plugin", dir: demoDir, databaseUrl: db.url("bench_plugin") },
    { name: "stock Medusa", dir: stockDir, databaseUrl: db.url("bench_stock") },
  ]
  say("Plugin store (demo/): plugin build, migrate, seed, admin user…")
  prepareStore({ databaseUrl: apps[0].databaseUrl, adminEmail, adminPassword, build: false, quiet: true })
  say("Stock twin (.tmp/bench-stock/): generating from demo/…")
  writeStockTwin()
  prepareStock(apps[1].databaseUrl, { build: false })
  createStockAdmin(apps[1].databaseUrl)

  for (const app of apps) {
    fs.rmSync(path.join(app.dir, "node_modules", ".vite"), { recursive: true, force: true })
  }
  const peaks = Object.fromEntries(apps.map((a) => [a.name, []]))
  for (let round = 0; round < rounds; round++) {
    for (const app of round % 2 ? [...apps].reverse() : apps) {
      say(`Round ${round + 1}/${rounds}: medusa develop, ${app.name}…`)
      const { startup, peak } = await measure(app)
      peaks[app.name].push(peak)
      say(`${app.name}: ${mb(startup)} once started, peak ${mb(peak)} (load ${fs.readFileSync("/proc/loadavg", "utf8").trim()})`)
    }
  }
  const [pluginRuns, stockRuns] = apps.map((a) => peaks[a.name])
  const phases = [
    { name: "first start, no Vite cache", plugin: pluginRuns[0], stock: stockRuns[0] },
    ...(rounds > 1
      ? [{ name: "later starts (median)", plugin: median(pluginRuns.slice(1)), stock: median(stockRuns.slice(1)) }]
      : []),
  ]
  const ratios = phases.map((p) => p.plugin / p.stock)
  const worst = Math.max(...ratios)
  process.stdout.write(
    [
      "",
      `Peak resident memory of \`medusa develop\` (process group), startup + one admin session, ${rounds} round(s):`,
      `  with the plugin   runs ${pluginRuns.map(mb).join(", ")}`,
      `  stock Medusa      runs ${stockRuns.map(mb).join(", ")}`,
      ...phases.map((p, i) => `  ${p.name.padEnd(30)} plugin ${mb(p.plugin).padStart(8)}  stock ${mb(p.stock).padStart(8)}  ratio ${ratios[i].toFixed(2)}x`),
      `ratio plugin/stock, worst of the two: ${worst.toFixed(2)}x, budget ≤ 1.10x: ${worst <= 1.1 ? "within" : "OVER"}`,
      `BENCH_RESULT ${JSON.stringify({ rounds, plugin_peak_bytes: pluginRuns, stock_peak_bytes: stockRuns, ratios })}`,
      "",
    ].join("\n")
  )
  say(`Done in ${((Date.now() - began) / 1000).toFixed(0)} s.`)
  await stopAll(0)
} catch (e) {
  process.stderr.write(`\n[bench] failed: ${e.stack ?? e}\n`)
  await stopAll(1)
}
