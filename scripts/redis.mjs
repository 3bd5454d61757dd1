// Starts a real Redis server (Debian's `redis-server`, installed with apt-get when missing, as
// .ci/run installs chromium) on a given port with a throwaway directory and no persistence.
// Shared by with-redis.mjs, demo.mjs (--cluster) and the cluster bench.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"

const say = (m) => process.stderr.write(`[redis] ${m}\n`)

function hasRedisServer() {
  return spawnSync("sh", ["-c", "command -v redis-server"], { stdio: "ignore" }).status === 0
}

/** Installs Debian's redis-server when it is not on the PATH (needs root, as CI runs). */
export function ensureRedisServer() {
  if (hasRedisServer()) {
    return
  }
  say("redis-server is not installed: installing Debian's package (apt-get install redis-server)…")
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"]
  const run = (args) => {
    const r = spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    })
    if (r.status !== 0) {
      throw new Error(`${args.join(" ")} failed (exit ${r.status}); install redis-server or set REDIS_URL`)
    }
  }
  run(["apt-get", "update", "-qq"])
  run(["apt-get", "install", "-y", "-qq", "redis-server"])
}

/** Sends PING on a raw connection; resolves true once the server answers PONG. */
function ping(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" })
    socket.setTimeout(1000)
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (d) => {
      socket.destroy()
      resolve(String(d).startsWith("+PONG"))
    })
    socket.once("error", () => resolve(false))
    socket.once("timeout", () => {
      socket.destroy()
      resolve(false)
    })
  })
}

/**
 * Starts `redis-server --port P --dir D --save "" --appendonly no` in its own process group and
 * resolves once it answers PING. `databases` raises the number of logical databases (the
 * topology tests give each spec file its own). Answers `{ url, port, stop() }`.
 */
export async function startRedis({ port, dir, databases = 16, log = () => {} }) {
  ensureRedisServer()
  fs.mkdirSync(dir, { recursive: true })
  const server = spawn(
    "redis-server",
    [
      "--port", String(port),
      "--bind", "127.0.0.1",
      "--dir", dir,
      "--save", "",
      "--appendonly", "no",
      "--databases", String(databases),
      // BullMQ asks for this policy; with the default it warns on every connection.
      "--maxmemory-policy", "noeviction",
    ],
    { stdio: ["ignore", "pipe", "pipe"], detached: true }
  )
  server.stdout.on("data", (d) => log(String(d)))
  server.stderr.on("data", (d) => log(String(d)))
  let exited = null
  server.once("exit", (code) => (exited = code ?? 1))
  const started = Date.now()
  while (!(await ping(port))) {
    if (exited !== null) {
      throw new Error(`redis-server exited (code ${exited}) before answering on port ${port}`)
    }
    if (Date.now() - started > 20000) {
      server.kill("SIGKILL")
      throw new Error(`redis-server did not answer on port ${port} within 20 s`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    port,
    url: `redis://localhost:${port}`,
    async stop() {
      if (exited !== null) {
        return
      }
      const gone = new Promise((r) => server.once("exit", r))
      server.kill("SIGTERM")
      const timer = setTimeout(() => server.kill("SIGKILL"), 5000)
      await gone
      clearTimeout(timer)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
