// Runs a command with a throwaway PostgreSQL server: `node scripts/with-postgres.mjs cmd args…`.
// The DB_* variables are the ones Medusa's test runners read; DB_HOST must be the literal
// "localhost" (any other host switches SSL on and the suites hang).
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { freePort, startPostgres, PG_PASSWORD, PG_USER } from "./postgres.mjs"

const [cmd, ...args] = process.argv.slice(2)
if (!cmd) {
  process.stderr.write("usage: node scripts/with-postgres.mjs <command> [args…]\n")
  process.exit(2)
}

const port = await freePort()
const dir = path.resolve(".tmp", `pg-test-${process.pid}`)
const db = await startPostgres({ dir, port, persistent: false })

let stopping = false
async function cleanup(code) {
  if (stopping) return
  stopping = true
  await db.stop().catch(() => {})
  fs.rmSync(dir, { recursive: true, force: true })
  process.exit(code)
}

const child = spawn(cmd, args, {
  stdio: "inherit",
  env: {
    ...process.env,
    DB_HOST: "localhost",
    DB_PORT: String(port),
    DB_USERNAME: PG_USER,
    DB_PASSWORD: PG_PASSWORD,
    DATABASE_URL: db.url("postgres"),
  },
})
child.on("exit", (code, signal) => cleanup(code ?? (signal ? 1 : 0)))
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => child.kill(sig))
}
