import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// `npm run demo -- --cluster` (AFTERSALES_TOPOLOGY=redis): the production topology, every
// process on the same database and Redis, each in the worker mode MEDUSA_WORKER_MODE names
// ("server": HTTP only; "worker": subscribers and scheduled jobs, no admin). Medusa's Redis
// event bus, workflow engine, locking and caching replace the in-memory ones, which only work
// inside one process. Without it the demo is a single process with the in-memory modules.
const redisUrl = process.env.REDIS_URL
const cluster = process.env.AFTERSALES_TOPOLOGY === "redis"
const isWorker = process.env.MEDUSA_WORKER_MODE === "worker"
const redisModules = cluster
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl, jobOptions: { attempts: 3, backoff: { type: "fixed", delay: 1000 } } },
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

// A merchant's app: the plugin is installed from npm (here, the workspace root through
// `file:..`) and listed once in `plugins`. The options set a few defaults; the rest are
// edited in the admin under Settings → After-sales.
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "demo-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "demo-cookie-secret",
    },
    // The demo serves plain http on localhost: a Secure cookie would make the admin login fail
    // silently in production mode. Set DEMO_SECURE_COOKIES=true behind https.
    cookieOptions: { secure: process.env.DEMO_SECURE_COOKIES === "true" },
    ...(cluster ? { redisUrl } : {}),
  },
  admin: {
    // Same origin as the page: the admin then works on whatever port the store runs on
    // (the browser tests start it on a free one).
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
    // A worker serves no HTTP: no admin either.
    disable: isWorker,
  },
  plugins: [
    {
      resolve: "medusa-aftersales",
      options: {
        carrier_webhook_secret: process.env.AFTERSALES_CARRIER_SECRET || "demo-carrier-secret-change-me",
        storefront_url: process.env.STOREFRONT_URL || "http://localhost:8000",
        loyalty: { signup_bonus: 150 },
      },
    },
  ],
  modules: [
    ...redisModules,
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            // Logs shopper emails and keeps them in the database; a real store puts an email
            // provider (SendGrid, Resend, …) on the "email" channel here.
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Demo outbox", channels: ["email", "feed"] },
          },
        ],
      },
    },
  ],
})
