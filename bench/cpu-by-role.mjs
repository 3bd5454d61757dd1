// CPU time spent by each part of a running cluster, read from /proc: the API servers and the
// worker (node processes told apart by their MEDUSA_WORKER_MODE), PostgreSQL and redis-server.
// `npm run bench:cluster` samples it around each level of load, so its table says where the
// plugin's extra time goes (a server's checkout, or the worker's `order.placed` work) rather
// than only that the whole machine is slower. Linux only; elsewhere every figure is null.
import fs from "node:fs"

const TICKS_PER_SECOND = 100 // USER_HZ: 100 on every Linux this runs on.

/** The role of a process, or null for one not in the cluster. */
function roleOf(pid, databaseUrl) {
  let cmdline
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")
  } catch {
    return null
  }
  const exe = cmdline[0] ?? ""
  if (/(^|\/)postgres$/.test(exe) || cmdline.some((a) => a.startsWith("postgres:"))) {
    return "postgres"
  }
  if (/redis-server/.test(exe) || /redis-server/.test(cmdline.join(" "))) {
    return "redis"
  }
  if (!/node$/.test(exe) || !cmdline.some((a) => /medusa/.test(a))) {
    return null
  }
  let environ
  try {
    environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")
  } catch {
    return null
  }
  const mode = environ.find((e) => e.startsWith("MEDUSA_WORKER_MODE="))?.split("=")[1]
  if (databaseUrl && !environ.includes(`DATABASE_URL=${databaseUrl}`)) {
    return null
  }
  return mode === "worker" ? "worker" : mode === "server" ? "server" : null
}

/** CPU seconds (user + system, and of reaped children) of a process. */
function cpuOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number)
    return (utime + stime + cutime + cstime) / TICKS_PER_SECOND
  } catch {
    return 0
  }
}

/**
 * CPU seconds used so far by each role: `{ server, worker, postgres, redis }` (`server`: all
 * API servers together). `databaseUrl` keeps other stores' node processes out.
 */
export function sampleCpu(databaseUrl) {
  const totals = { server: 0, worker: 0, postgres: 0, redis: 0 }
  if (process.platform !== "linux") {
    return null
  }
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue
    const role = roleOf(name, databaseUrl)
    if (role) {
      totals[role] += cpuOf(name)
    }
  }
  return totals
}

/** Milliseconds of CPU per checkout by role between two samples. */
export function cpuPerCheckout(before, after, checkouts) {
  if (!before || !after) return null
  return Object.fromEntries(
    Object.keys(after).map((role) => [role, Math.max(0, ((after[role] - before[role]) * 1000) / checkouts)])
  )
}
