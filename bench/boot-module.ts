import { MedusaApp, MedusaAppMigrateUp } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, createPgConnection } from "@medusajs/framework/utils"
import path from "path"

export type Knex = ReturnType<typeof createPgConnection>

/**
 * Boots one of the plugin's modules, from source, on a fresh database `dbName` of the server in
 * DATABASE_URL (run benches through scripts/with-postgres.mjs): migrated, started, with a knex
 * connection to the same database for seeding rows in bulk.
 */
export async function bootModule<TService>(moduleKey: string, moduleDir: string, dbName: string) {
  const base = process.env.DATABASE_URL
  if (!base) {
    throw new Error("DATABASE_URL is not set: run through scripts/with-postgres.mjs (see the top of the bench file)")
  }
  const admin = createPgConnection({ clientUrl: base })
  await admin.raw("DROP DATABASE IF EXISTS ??", [dbName])
  await admin.raw("CREATE DATABASE ??", [dbName])
  await admin.destroy()
  const clientUrl = base.replace(/\/[^/]*$/, `/${dbName}`)

  const modulesConfig = {
    [moduleKey]: {
      resolve: path.join(__dirname, "..", "src", "modules", moduleDir),
      options: { database: { clientUrl } },
    },
  }
  const pg = createPgConnection({ clientUrl })
  const injectedDependencies = { [ContainerRegistrationKeys.PG_CONNECTION]: pg }
  await MedusaAppMigrateUp({ modulesConfig, injectedDependencies })
  const app = await MedusaApp({ modulesConfig, injectedDependencies })
  await app.onApplicationStart()
  const service = app.modules[moduleKey] as unknown as TService
  return { app, pg, service }
}
