import { AftersalesSettingsPatchSchema } from "../../../../modules/aftersales_settings/schemas"
import { z } from "@medusajs/framework/zod"

/** A partial patch: sections are optional and merged field by field with what is stored. */
export const AdminUpdateAftersalesSettings = AftersalesSettingsPatchSchema
export type AdminUpdateAftersalesSettingsType = z.infer<typeof AdminUpdateAftersalesSettings>
