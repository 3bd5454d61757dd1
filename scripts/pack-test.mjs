// The packaging test: `npm pack` the plugin, install the tarball into a scratch host app the
// way a merchant would (`plugins: ["medusa-aftersales"]`), migrate, build the admin, boot and
// call a plugin route; then boot once with a wrong option and expect a clear refusal.
// It proves that `files`, `exports`, migrations and admin extensions ship.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { freePort, startPostgres } from "./postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
// Medusa's CLI wherever npm hoisted it (the root's node_modules, or a parent's).
const medusaCli = () => createRequire(path.join(root, "package.json")).resolve("@medusajs/cli/cli.js")
const work = path.join(root, ".tmp", "pack-test")
const host = path.join(work, "host")
const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
let passed = 0
let failed = 0

function check(name, ok, detail = "") {
  if (ok) {
    passed++
    process.stdout.write(`  ✓ ${name}\n`)
  } else {
    failed++
    process.stdout.write(`  ✗ ${name}${detail ? `: ${detail}` : ""}\n`)
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: host, env, encoding: "utf8", ...opts })
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr)
    throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status})`)
  }
  return r.stdout
}

function writeConfig(options) {
  fs.writeFileSync(
    path.join(host, "medusa-config.js"),
    `const { defineConfig } = require("@medusajs/framework/utils")
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "pack", cookieSecret: "pack", storeCors: "*", adminCors: "*", authCors: "*" },
  },
  admin: { disable: true },
  plugins: [{ resolve: "medusa-aftersales", options: ${JSON.stringify(options)} }],
})
`
  )
}

/** Starts `medusa start`; answers once /health is up, or with the output if it exits first. */
function boot(port) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [medusaCli(), "start"], {
      cwd: host,
      env: { ...env, PORT: String(port) },
      detached: true,
    })
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    let done = false
    const finish = (result) => {
      if (!done) {
        done = true
        clearInterval(poll)
        clearTimeout(timer)
        resolve(result)
      }
    }
    child.on("exit", (code) => finish({ up: false, code, output }))
    const poll = setInterval(async () => {
      try {
        if ((await fetch(`http://localhost:${port}/health`)).ok) finish({ up: true, child, output })
      } catch {}
    }, 500)
    const timer = setTimeout(() => finish({ up: false, code: null, output, child }), 120000)
  })
}

function kill(child) {
  try {
    process.kill(-child.pid, "SIGKILL")
  } catch {}
}

fs.rmSync(work, { recursive: true, force: true })
fs.mkdirSync(path.join(host, "node_modules"), { recursive: true })
const db = await startPostgres({ dir: path.join(work, "pg"), port: await freePort(), persistent: false })
try {
  process.stdout.write("pack test\n")
  // What `prepack` does, run first so its log stays out of `npm pack --json`.
  run(process.execPath, [medusaCli(), "plugin:build"], { cwd: root })
  const packed = JSON.parse(
    run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    })
  )[0]
  const files = packed.files.map((f) => f.path)
  check("the tarball holds the built server code", files.some((f) => f.startsWith(".medusa/server/src/api/")))
  check("the tarball holds the migrations", files.some((f) => /\.medusa\/server\/src\/modules\/[^/]+\/migrations\/Migration\d+\.js$/.test(f)))
  check("the tarball holds the admin extensions", files.includes(".medusa/server/src/admin/index.mjs"))
  const stray = files.filter((f) => !f.startsWith(".medusa/server/") && !["package.json", "README.md", "LICENSE"].includes(f))
  check("the tarball holds nothing a merchant doesn't need", stray.length === 0, stray.join(", "))
  check("tests, demo and sources stay out", !files.some((f) => /integration-tests|__tests__|demo\/|\.spec\./.test(f)))

  // Install the tarball as npm would; @medusajs/* resolve from the repository's node_modules.
  const target = path.join(host, "node_modules", "medusa-aftersales")
  fs.mkdirSync(target, { recursive: true })
  run("tar", ["-xzf", path.join(work, packed.filename), "-C", target, "--strip-components=1"])
  fs.writeFileSync(path.join(host, "package.json"), JSON.stringify({ name: "pack-host", private: true, dependencies: { "@medusajs/medusa": "2.21.2", "@medusajs/framework": "2.21.2", "@medusajs/cli": "2.21.2", "medusa-aftersales": packed.version } }))

  await db.ensureDatabase("pack_host")
  env.DATABASE_URL = db.url("pack_host")
  writeConfig({ loyalty: { pending_days: 9 } })

  run(process.execPath, [medusaCli(), "db:migrate"])
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: env.DATABASE_URL })
  await client.connect()
  const { rows } = await client.query("SELECT to_regclass('aftersales_settings_section') AS t")
  await client.end()
  check("db:migrate runs the plugin's migrations", rows[0].t === "aftersales_settings_section")

  run(process.execPath, [medusaCli(), "user", "-e", "pack@example.com", "-p", "pack-secret"])
  const port = await freePort()
  const up = await boot(port)
  check("the host app boots with the plugin", up.up, up.output?.slice(-2000))
  if (up.up) {
    const base = `http://localhost:${port}`
    const login = await fetch(`${base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "pack@example.com", password: "pack-secret" }),
    }).then((r) => r.json())
    const res = await fetch(`${base}/admin/aftersales/settings`, { headers: { authorization: `Bearer ${login.token}` } })
    const body = await res.json()
    check("a plugin route answers, with the plugin options applied", res.status === 200 && body.settings?.loyalty?.pending_days === 9, `${res.status} ${JSON.stringify(body).slice(0, 300)}`)
    kill(up.child)
  }

  writeConfig({ loyalty: { max_redeem_share: 5 } })
  const bad = await boot(await freePort())
  if (bad.child) kill(bad.child)
  check(
    "a wrong option stops the boot, naming the option",
    !bad.up && /invalid plugin options: loyalty\.max_redeem_share/.test(bad.output),
    bad.output.slice(-1500)
  )
} catch (e) {
  failed++
  process.stdout.write(`  ✗ ${e.message}\n`)
} finally {
  await db.stop().catch(() => {})
}
process.stdout.write(`pack test: ${passed} passed, ${failed} failed\n`)
process.exit(failed ? 1 : 0)
