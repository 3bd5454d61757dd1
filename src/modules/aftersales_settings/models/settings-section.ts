import { model } from "@medusajs/framework/utils"

/**
 * One row per settings section (`loyalty`, `gestures`, …) holding only what the merchant
 * changed; the plugin options give everything else, so a new option reaches old stores.
 */
export const SettingsSection = model
  .define(
    { name: "SettingsSection", tableName: "aftersales_settings_section" },
    {
      id: model.id({ prefix: "asset" }).primaryKey(),
      section: model.text(),
      values: model.json(),
      /** The admin user who last changed this section (null: changed by code, not a person). */
      updated_by: model.text().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      on: ["section"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
