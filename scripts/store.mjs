// Prepares and starts the demo app in demo/ (the plugin installed as a merchant installs it):
// shared by `npm run demo` and the admin's browser tests.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
export const demoDir = path.join(root, "demo")
// Medusa's CLI wherever npm hoisted it (the root's node_modules, or a parent's).
const medusaCli = () => createRequire(path.join(root, "package.json")).resolve("@medusajs/cli/cli.js")
const say = (m) => process.stdout.write(`\n[store] ${m}\n`)

function run(cmd, args, { cwd = root, env = {}, capture = false, quiet = false } = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", ...env },
    stdio: capture || quiet ? ["ignore", "pipe", quiet ? "pipe" : "inherit"] : "inherit",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout}\n${r.stderr}`)
    throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status})`)
  }
  return r.stdout
}

/**
 * Builds the plugin, migrates, seeds (first time only), makes the admin user and builds the
 * demo app. Answers what the seed printed: the publishable key and the shoppers' logins.
 */
export function prepareStore({ databaseUrl, adminEmail, adminPassword, build = true, quiet = false }) {
  const env = { DATABASE_URL: databaseUrl }
  say("Building the plugin package (medusa plugin:build)…")
  run(process.execPath, [medusaCli(), "plugin:build"], { quiet })

  say("Migrating the database (core and plugin migrations)…")
  run(process.execPath, [medusaCli(), "db:migrate"], { cwd: demoDir, env, quiet })

  say("Seeding (first run only)…")
  const out = run(process.execPath, [medusaCli(), "exec", "./src/scripts/seed.ts"], {
    cwd: demoDir,
    env,
    capture: true,
    quiet,
  })
  const line = out.split("\n").find((l) => l.startsWith("DEMO_INFO "))
  const info = line ? JSON.parse(line.slice("DEMO_INFO ".length)) : {}

  const user = spawnSync(process.execPath, [medusaCli(), "user", "-e", adminEmail, "-p", adminPassword], {
    cwd: demoDir,
    env: { ...process.env, ...env, MEDUSA_DISABLE_TELEMETRY: "true" },
    encoding: "utf8",
  })
  if (user.status !== 0 && !/exist/i.test(user.stdout + user.stderr)) {
    process.stderr.write(user.stdout + user.stderr)
    throw new Error("could not create the admin user")
  }

  if (build || !fs.existsSync(path.join(demoDir, ".medusa", "server"))) {
    say("Building the store and its admin (medusa build, about a minute)…")
    run(process.execPath, [medusaCli(), "build"], { cwd: demoDir, env, quiet })
  }
  return info
}

/**
 * Starts the built demo app in production mode, in its own process group so that stopping it
 * stops its children too. Resolves once /health answers.
 */
export async function startStore({ databaseUrl, port, quiet = false, onExit, env = {}, nodeArgs = [], cwd }) {
  const server = spawn(process.execPath, [...nodeArgs, medusaCli(), "start"], {
    cwd: cwd ?? path.join(demoDir, ".medusa", "server"),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      PORT: String(port),
      MEDUSA_DISABLE_TELEMETRY: "true",
      ...env,
    },
    stdio: quiet ? "ignore" : "inherit",
    detached: true,
  })
  server.on("exit", (code) => onExit?.(code))
  const started = Date.now()
  for (;;) {
    try {
      if ((await fetch(`http://localhost:${port}/health`)).ok) break
    } catch {}
    if (Date.now() - started > 180000) {
      stopStore(server)
      throw new Error("the store did not answer /health within 3 minutes")
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return server
}

/**
 * Stops the server's whole process group (`medusa start` forks a child that outlives a plain
 * kill): SIGTERM, then SIGKILL once it has exited or `graceMs` have passed (a worker writing
 * its CPU profile on exit needs longer than the default).
 */
export async function stopStore(server, graceMs = 1500) {
  if (!server?.pid) return
  const exited = server.exitCode !== null ? Promise.resolve() : new Promise((r) => server.once("exit", r))
  try {
    process.kill(-server.pid, "SIGTERM")
  } catch {}
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))])
  try {
    process.kill(-server.pid, "SIGKILL")
  } catch {}
}

/**
 * The production topology of the built demo app: `servers` API servers (workerMode "server",
 * one port each) and one worker (workerMode "worker", admin off; its port answers /health
 * only), all on the same database and Redis (AFTERSALES_TOPOLOGY=redis switches demo/'s config
 * to Medusa's Redis modules). `medusa start --cluster` would refuse more processes than CPUs,
 * so each is its own `medusa start`. The worker starts first: it owns the scheduled jobs.
 * `cwd`: another built app (the bench's stock twin); `workerNodeArgs`: the worker's own Node
 * flags (the bench's `--cpu-prof`, which NODE_OPTIONS refuses). Answers the processes, each
 * `{ mode, port, server }`.
 */
export async function startCluster({ databaseUrl, redisUrl, ports, workerPort, quiet = false, onExit, env = {}, workerNodeArgs = [], cwd }) {
  const started = []
  const common = { ...env, REDIS_URL: redisUrl, AFTERSALES_TOPOLOGY: "redis" }
  const one = async (mode, port) => {
    const server = await startStore({
      databaseUrl,
      port,
      quiet,
      cwd,
      onExit: (code) => onExit?.(mode, port, code),
      env: { ...common, MEDUSA_WORKER_MODE: mode },
      nodeArgs: mode === "worker" ? workerNodeArgs : [],
    })
    started.push({ mode, port, server })
  }
  try {
    await one("worker", workerPort)
    // The servers one after the other: two cold boots at once starve a 2-core machine.
    for (const port of ports) {
      await one("server", port)
    }
  } catch (e) {
    await stopCluster(started)
    throw e
  }
  return started
}

export async function stopCluster(processes, graceMs) {
  await Promise.all((processes ?? []).map((p) => stopStore(p.server, graceMs)))
}
