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
  },
  modules: [
    ...pluginModules,
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
