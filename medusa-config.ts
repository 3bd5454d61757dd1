import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import fs from "fs"
import path from "path"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The config the tests and `medusa develop` at the repository root use. It registers the
 * plugin's own modules from source (the test runner treats ./src as the project's code); a
 * merchant's app lists the built package in `plugins` instead (see demo/medusa-config.ts).
 * Every module gets the same options object, as Medusa does for a plugin's modules.
 */
const pluginOptions = {
  carrier_webhook_secret: process.env.AFTERSALES_CARRIER_SECRET || "test-carrier-secret-0123456789",
}

const modulesDir = path.join(__dirname, "src", "modules")
const pluginModules = fs
  .readdirSync(modulesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(modulesDir, d.name, "index.ts")))
  .map((d) => ({ resolve: `./src/modules/${d.name}`, options: pluginOptions }))

/**
 * AFTERSALES_TOPOLOGY=redis: the production topology the topology suites test (see
 * integration-tests/topology): Medusa's Redis event bus, workflow engine, locking and caching on
 * REDIS_URL, this process in the worker mode MEDUSA_WORKER_MODE names ("server" for the app the
 * test runner boots, "worker" for the separate worker process). Otherwise the in-memory defaults.
 */
const redisUrl = process.env.REDIS_URL
const redisTopology = process.env.AFTERSALES_TOPOLOGY === "redis"
if (redisTopology && !redisUrl) {
  throw new Error("AFTERSALES_TOPOLOGY=redis needs REDIS_URL (node scripts/with-redis.mjs starts one)")
}
const redisModules = redisTopology
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        // A subscriber that throws is retried (the others are not run again): every subscriber
        // of the plugin must survive a redelivery.
        options: {
          redisUrl,
          jobOptions: {
            attempts: 3,
            backoff: { type: "fixed", delay: 200 },
            // The redelivery test delivers every event of a scenario again: keep them.
            removeOnComplete: process.env.AFTERSALES_TEST_KEEP_EVENTS ? false : true,
          },
        },
      },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
          ],
        },
      },
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
    ...(redisTopology ? { redisUrl } : {}),
  },
  modules: [
    ...pluginModules,
    ...redisModules,
    {
      // Medusa's RBAC module follows its feature flag; the test runner reads this config before
      // it loads flags, so the default entry would stay off (integration-tests/http/admin/).
      key: Modules.RBAC,
      resolve: "@medusajs/medusa/rbac",
      disable: process.env.MEDUSA_FF_RBAC !== "true",
    },
    {
      // The local provider records shopper emails and admin feed items in the database, so
      // tests can read what was sent; a store uses its own email provider for "email".
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local", channels: ["email", "feed"] },
          },
        ],
      },
    },
  ],
})
