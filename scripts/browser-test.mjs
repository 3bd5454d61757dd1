// The admin's browser tests: a fresh database, the demo app built and seeded exactly as
// `npm run demo` does, then jest drives Debian's Chromium through playwright-core against it.
// Screenshots are written to screenshots/ — open them and look.
import { spawnSync } from "node:child_process"
import path from "node:path"
import { freePort, startPostgres } from "./postgres.mjs"
import { prepareStore, root, startStore, stopStore } from "./store.mjs"

const adminEmail = "admin@example.com"
const adminPassword = "supersecret"
const db = await startPostgres({
  dir: path.join(root, ".tmp", `pg-browser-${process.pid}`),
  port: await freePort(),
  persistent: false,
})
let server = null
let code = 1
try {
  await db.ensureDatabase("aftersales_browser")
  const databaseUrl = db.url("aftersales_browser")
  const info = prepareStore({ databaseUrl, adminEmail, adminPassword, quiet: true })
  const port = await freePort()
  server = await startStore({ databaseUrl, port, quiet: true })
  const r = spawnSync(
    "npx",
    ["jest", "--runInBand", "--forceExit", ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        TEST_TYPE: "browser",
        AFTERSALES_BASE_URL: `http://localhost:${port}`,
        DEMO_ADMIN_EMAIL: adminEmail,
        DEMO_ADMIN_PASSWORD: adminPassword,
        AFTERSALES_DATABASE_URL: databaseUrl,
        AFTERSALES_PUBLISHABLE_KEY: info.publishable_key ?? "",
      },
    }
  )
  code = r.status ?? 1
} catch (e) {
  process.stderr.write(`browser tests: ${e.message}\n`)
} finally {
  await stopStore(server)
  await db.stop().catch(() => {})
}
process.exit(code)
