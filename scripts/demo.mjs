// `npm run demo`: a seeded Medusa store with medusa-aftersales installed the way a merchant
// installs it (demo/ lists the built package in `plugins`), admin at http://localhost:9000/app.
// Data is kept between runs; `npm run demo -- --reset` starts over. Ctrl-C stops everything.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const demoDir = path.join(root, "demo")
const reset = process.argv.includes("--reset")
const port = Number(process.env.PORT || 9000)
const adminEmail = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const adminPassword = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const say = (m) => process.stdout.write(`\n[demo] ${m}\n`)

function run(cmd, args, { cwd = root, env = {}, capture = false } = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", ...env },
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  })
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status})`)
  }
  return r.stdout
}

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
  run("npm", ["install", "--no-audit", "--no-fund"])
}
const { startPostgres } = await import("./postgres.mjs")

let db = null
let server = null
let stopping = false
async function stop(code = 0) {
  if (stopping) return
  stopping = true
  say("Stopping…")
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM")
    } catch {}
    await new Promise((r) => setTimeout(r, 1500))
    try {
      process.kill(-server.pid, "SIGKILL")
    } catch {}
  }
  await db?.stop().catch(() => {})
  process.exit(code)
}
process.on("SIGINT", () => stop(0))
process.on("SIGTERM", () => stop(0))

try {
  const dbName = "medusa_aftersales_demo"
  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    say(`Using the database in DATABASE_URL.`)
    if (reset) {
      const { default: pg } = await import("pg")
      const url = new URL(databaseUrl)
      const name = url.pathname.slice(1)
      url.pathname = "/postgres"
      const client = new pg.Client({ connectionString: url.toString() })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, "")}" WITH (FORCE)`)
      await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`)
      await client.end()
    }
  } else {
    const dataDir = path.join(demoDir, ".pgdata")
    if (reset) {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
    const pgPort = Number(process.env.DEMO_PG_PORT || 54329)
    say(`Starting PostgreSQL (embedded) on port ${pgPort}, data in demo/.pgdata…`)
    db = await startPostgres({ dir: dataDir, port: pgPort, persistent: true })
    await db.ensureDatabase(dbName)
    databaseUrl = db.url(dbName)
  }
  const env = { DATABASE_URL: databaseUrl }

  say("Building the plugin package (medusa plugin:build)…")
  run("npx", ["medusa", "plugin:build"])

  say("Migrating the database (core and plugin migrations)…")
  run("npx", ["medusa", "db:migrate"], { cwd: demoDir, env })

  say("Seeding (first run only)…")
  const out = run("npx", ["medusa", "exec", "./src/scripts/seed.ts"], { cwd: demoDir, env, capture: true })
  const infoLine = out.split("\n").find((l) => l.startsWith("DEMO_INFO "))
  const info = infoLine ? JSON.parse(infoLine.slice("DEMO_INFO ".length)) : {}

  const users = spawnSync("npx", ["medusa", "user", "-e", adminEmail, "-p", adminPassword], {
    cwd: demoDir,
    env: { ...process.env, ...env, MEDUSA_DISABLE_TELEMETRY: "true" },
    encoding: "utf8",
  })
  if (users.status !== 0 && !/exist/i.test(users.stdout + users.stderr)) {
    process.stderr.write(users.stdout + users.stderr)
    throw new Error("could not create the admin user")
  }

  say("Building the store and its admin (medusa build, about a minute)…")
  run("npx", ["medusa", "build"], { cwd: demoDir, env })

  say("Starting the store…")
  const serverDir = path.join(demoDir, ".medusa", "server")
  server = spawn(process.execPath, [path.join(root, "node_modules/@medusajs/cli/cli.js"), "start"], {
    cwd: serverDir,
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), MEDUSA_DISABLE_TELEMETRY: "true" },
    stdio: "inherit",
    detached: true,
  })
  server.on("exit", (code) => {
    if (!stopping) {
      say(`The store stopped (exit ${code}).`)
      stop(code ?? 1)
    }
  })

  const started = Date.now()
  for (;;) {
    try {
      const res = await fetch(`http://localhost:${port}/health`)
      if (res.ok) break
    } catch {}
    if (Date.now() - started > 120000) throw new Error("the store did not answer /health within 2 minutes")
    await new Promise((r) => setTimeout(r, 500))
  }

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
} catch (e) {
  process.stderr.write(`\n[demo] ${e.message}\n`)
  await stop(1)
}
