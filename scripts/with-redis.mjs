// Runs a command with a Redis server: `node scripts/with-redis.mjs cmd args…`. When REDIS_URL is
// set the command uses that server; otherwise a throwaway `redis-server` starts on a free port
// (installed first if missing) and stops when the command ends. Composes with with-postgres.mjs.
import { spawn } from "node:child_process"
import path from "node:path"
import { freePort } from "./postgres.mjs"
import { startRedis } from "./redis.mjs"

const [cmd, ...args] = process.argv.slice(2)
if (!cmd) {
  process.stderr.write("usage: node scripts/with-redis.mjs <command> [args…]\n")
  process.exit(2)
}

let redis = null
if (!process.env.REDIS_URL) {
  const port = await freePort()
  // 1000 logical databases: the topology suites give each spec file its own.
  redis = await startRedis({ port, dir: path.resolve(".tmp", `redis-${process.pid}`), databases: 1000 })
}

let stopping = false
async function cleanup(code) {
  if (stopping) return
  stopping = true
  await redis?.stop().catch(() => {})
  process.exit(code)
}

const child = spawn(cmd, args, {
  stdio: "inherit",
  env: { ...process.env, REDIS_URL: process.env.REDIS_URL || redis.url },
})
child.on("exit", (code, signal) => cleanup(code ?? (signal ? 1 : 0)))
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => child.kill(sig))
}
