/**
 * Separate Medusa processes for the production topology: `medusa start` at the repository root
 * (the plugin's TypeScript source, through the CLI's ts-node) in the worker mode asked for,
 * against the test's own database and Redis. Each runs in its own process group so that a test
 * can stop it, or kill it outright (`kill -9`), with everything it forked.
 */
import { ChildProcess, spawn } from "node:child_process"
import net from "node:net"
import path from "node:path"

const root = path.resolve(__dirname, "..", "..")
const cli = require.resolve("@medusajs/cli/cli.js", { paths: [root] })

export type MedusaProcess = {
  mode: "worker" | "server"
  port: number
  url: string
  child: ChildProcess
  /** Everything the process printed, for a failing test's message. */
  output: () => string
  /** Resolves when the process has exited. */
  exited: Promise<number | null>
  stop: () => Promise<void>
  kill9: () => Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export async function startMedusaProcess({
  mode,
  databaseUrl,
  redisUrl,
  env = {},
  timeoutMs = 240000,
}: {
  mode: "worker" | "server"
  databaseUrl: string
  redisUrl: string
  env?: Record<string, string>
  timeoutMs?: number
}): Promise<MedusaProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, [cli, "start", "--port", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      NODE_ENV: "development",
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      AFTERSALES_TOPOLOGY: "redis",
      MEDUSA_WORKER_MODE: mode,
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: process.env.TOPOLOGY_LOG_LEVEL || "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let out = ""
  const keep = (d: Buffer) => {
    out = (out + String(d)).slice(-20000)
    if (process.env.TOPOLOGY_DEBUG) {
      process.stderr.write(`[${mode}:${port}] ${d}`)
    }
  }
  child.stdout?.on("data", keep)
  child.stderr?.on("data", keep)
  let done: number | null | undefined
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      done = code
      resolve(code)
    })
  )
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
  }
  const proc: MedusaProcess = {
    mode,
    port,
    url: `http://localhost:${port}`,
    child,
    output: () => out,
    exited,
    async stop() {
      if (done !== undefined) {
        return
      }
      group("SIGTERM")
      const timer = setTimeout(() => group("SIGKILL"), 8000)
      await exited
      clearTimeout(timer)
      group("SIGKILL")
    },
    async kill9() {
      group("SIGKILL")
      await exited
    },
  }
  const started = Date.now()
  for (;;) {
    if (done !== undefined) {
      throw new Error(`medusa start (${mode}) exited with ${done}:\n${out}`)
    }
    try {
      if ((await fetch(`${proc.url}/health`)).ok) {
        return proc
      }
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) {
      await proc.stop()
      throw new Error(`medusa start (${mode}) did not answer /health in ${timeoutMs} ms:\n${out}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}
