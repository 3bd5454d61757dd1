/**
 * `@medusajs/test-utils` as the topology suites see it (jest maps the package here when
 * TEST_TYPE=integration:topology): the same runner, but the app it boots in the test process is
 * an API server only (Redis event bus, workflow engine, locking, caching; workerMode "server"),
 * and a separate `medusa start` process in workerMode "worker" runs the subscribers and the
 * scheduled jobs, on the database the runner made for the file and on a Redis logical database
 * of the file's own. The suites then run unchanged: whatever they expect a subscriber or a job to
 * do, a different process does.
 */
import path from "node:path"
import type { medusaIntegrationTestRunner as RealRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { MedusaProcess, startMedusaProcess } from "./processes"

// The real package, by path: the mapping only catches the bare name.
const real = require(
  path.join(path.dirname(require.resolve("@medusajs/test-utils/package.json")), "dist", "index.js")
)
module.exports = { ...real }

type RunnerOptions = Parameters<typeof RealRunner>[0]
type SuiteOptions = Parameters<RunnerOptions["testSuite"]>[0]

/**
 * The current spec file's topology: its worker process (for tests that stop or kill it), the
 * database and Redis every process shares, and `workerEnv`, extra environment a spec sets at
 * load time for the worker the runner starts (e.g. the test-only checkpoints of
 * src/utils/pause-point.ts).
 */
export const topology: {
  worker: MedusaProcess | null
  redisUrl: string
  databaseUrl: string
  workerEnv: Record<string, string>
} = {
  worker: null,
  redisUrl: "",
  databaseUrl: "",
  workerEnv: {},
}
module.exports.topology = topology

/** A Redis logical database of the file's own, emptied: queues of an earlier file never leak in. */
async function claimRedisDatabase(base: string): Promise<string> {
  const client = new Redis(base, { maxRetriesPerRequest: 3 })
  try {
    const [, count] = (await client.config("GET", "databases")) as [string, string]
    const n = ((await client.incr("aftersales:topology:next-db")) % (Number(count) - 1)) + 1
    const url = `${base.replace(/\/\d*$/, "")}/${n}`
    const own = new Redis(url, { maxRetriesPerRequest: 3 })
    await own.flushdb()
    own.disconnect()
    return url
  } finally {
    client.disconnect()
  }
}

/** Starts a worker (or, with mode "server", another API server) on the file's database and Redis. */
export function startTopologyProcess(mode: "worker" | "server" = "worker", env: Record<string, string> = {}) {
  return startMedusaProcess({
    mode,
    databaseUrl: topology.databaseUrl,
    redisUrl: topology.redisUrl,
    env: { ...topology.workerEnv, ...env },
  })
}
module.exports.startTopologyProcess = startTopologyProcess

/** The table src/utils/pause-point.ts records checkpoints in (test databases only). */
async function createCheckpointTable(pg: { raw: (sql: string) => Promise<unknown> }) {
  await pg.raw(`create table if not exists aftersales_test_checkpoint (
    id bigserial primary key,
    name text not null,
    pid integer not null,
    mode text not null,
    tick timestamptz,
    at timestamptz not null default clock_timestamp()
  )`)
}

function medusaIntegrationTestRunner(options: RunnerOptions) {
  const base = process.env.TOPOLOGY_REDIS_BASE_URL || process.env.REDIS_URL
  if (!base) {
    throw new Error("the topology suites need REDIS_URL (run them through scripts/with-redis.mjs)")
  }
  process.env.TOPOLOGY_REDIS_BASE_URL = base
  process.env.AFTERSALES_TOPOLOGY = "redis"
  process.env.MEDUSA_WORKER_MODE = "server"

  // Before the runner's own beforeAll loads medusa-config.ts, which reads REDIS_URL.
  beforeAll(async () => {
    topology.redisUrl = await claimRedisDatabase(base)
    process.env.REDIS_URL = topology.redisUrl
  })

  return real.medusaIntegrationTestRunner({
    ...options,
    testSuite: (suite: SuiteOptions) => {
      // After the runner made and migrated the database, before the suite's own hooks.
      beforeAll(async () => {
        if (!suite.getContainer()) {
          // The runner's own setup failed (it said why): no database to point a worker at.
          throw new Error("the app did not start: no worker started")
        }
        topology.databaseUrl = suite.dbConfig.clientUrl
        await createCheckpointTable(suite.dbConnection)
        topology.worker = await startTopologyProcess("worker")
      }, 300000)
      afterAll(async () => {
        await topology.worker?.stop()
        topology.worker = null
      }, 60000)
      return options.testSuite(suite)
    },
  })
}
module.exports.medusaIntegrationTestRunner = medusaIntegrationTestRunner
