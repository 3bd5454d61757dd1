import { Context } from "@medusajs/framework/types"
import { Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type {
  IAftersalesSettingsModuleService,
  SettingsAudit,
  SettingsSectionAudit,
  StoredSettingsPatch,
} from "../../types/settings"
import { knexOf } from "../../utils/knex"
import { describeIssues } from "../../utils/describe-issues"
import { mergeSettings, resolveOptions } from "./defaults"
import { SettingsSection } from "./models"
import {
  AftersalesOptions,
  AftersalesSettings,
  AftersalesSettingsPatch,
  AftersalesSettingsPatchSchema,
  AftersalesSettingsSchema,
  SETTINGS_SECTIONS,
  SettingsSection as SectionName,
} from "./schemas"

const TABLE = "aftersales_settings_section"

/**
 * What the merchant changed, per section. Read on every points, gesture and return decision
 * (cart completion among them): two columns by hand, not ORM entities, and one statement, so
 * the public reads run it without a transaction; an update runs it in its own.
 */
async function readStoredPatch(knex: Knex): Promise<StoredPatch> {
  const rows: { section: string; values: unknown }[] = await knex(TABLE)
    .select("section", "values")
    .whereNull("deleted_at")
  const patch: StoredPatch = {}
  for (const row of rows) {
    patch[row.section as SectionName] = row.values as Record<string, unknown>
  }
  return patch
}

type StoredPatch = StoredSettingsPatch

export type { SettingsAudit, SettingsSectionAudit }

export default class AftersalesSettingsService
  extends MedusaService({ SettingsSection })
  implements IAftersalesSettingsModuleService
{
  protected readonly defaults_: AftersalesSettings
  protected readonly options_: AftersalesOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    super(...arguments)
    const resolved = resolveOptions(options)
    this.defaults_ = resolved.defaults
    this.options_ = resolved.options
  }

  /** The plugin options that are not settings (webhook secret, storefront URL). */
  async getOptions(): Promise<AftersalesOptions> {
    return this.options_
  }

  /** The settings in force: the plugin options' defaults with the merchant's changes on top. */
  @InjectManager()
  async getSettings(@MedusaContext() sharedContext: Context = {}): Promise<AftersalesSettings> {
    const stored = await readStoredPatch(knexOf(sharedContext))
    return mergeSettings(this.defaults_, stored as AftersalesSettingsPatch)
  }

  /** What the merchant changed, per section: the snapshot a compensation restores. */
  @InjectManager()
  async getStoredPatch(@MedusaContext() sharedContext: Context = {}): Promise<StoredPatch> {
    return readStoredPatch(knexOf(sharedContext))
  }

  /** Per section: the admin user who changed it last and when (null: never changed). */
  @InjectManager()
  async getAudit(@MedusaContext() sharedContext: Context = {}): Promise<SettingsAudit> {
    const rows = await this.listSettingsSections({}, {}, sharedContext)
    const bySection = new Map(rows.map((r) => [r.section, r]))
    const audit = {} as SettingsAudit
    for (const section of SETTINGS_SECTIONS) {
      const row = bySection.get(section)
      audit[section] = row ? { updated_by: row.updated_by ?? null, updated_at: row.updated_at } : null
    }
    return audit
  }

  /**
   * Validates a partial patch, merges it per section over what is stored, checks that the
   * result is whole and valid, and saves it. Only the sections the patch names are written,
   * each recording `updatedBy` (the admin user) and the time. Answers the settings now in force.
   */
  @InjectManager()
  async updateSettings(
    patch: unknown,
    updatedBy: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AftersalesSettings> {
    await this.updateSettings_(patch, updatedBy, sharedContext)
    return this.getSettings(sharedContext)
  }

  /**
   * Puts back exactly the stored sections of a snapshot (used to compensate an update), and
   * with `audit` who had changed each section; `updated_at` becomes the time of the restore.
   */
  @InjectManager()
  async restoreStoredPatch(
    snapshot: StoredPatch,
    audit?: SettingsAudit,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.restoreStoredPatch_(snapshot, audit, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateSettings_(
    patch: unknown,
    updatedBy: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const parsed = AftersalesSettingsPatchSchema.safeParse(patch ?? {})
    if (!parsed.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid settings: ${describeIssues(parsed.error.issues)}`
      )
    }
    const stored = await readStoredPatch(knexOf(sharedContext))
    const next: StoredPatch = { ...stored }
    for (const section of SETTINGS_SECTIONS) {
      if (parsed.data[section]) {
        next[section] = { ...(stored[section] ?? {}), ...parsed.data[section] }
      }
    }
    const whole = AftersalesSettingsSchema.safeParse(
      mergeSettings(this.defaults_, next as AftersalesSettingsPatch)
    )
    if (!whole.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid settings: ${describeIssues(whole.error.issues)}`
      )
    }
    const rows = await this.listSettingsSections({}, {}, sharedContext)
    const bySection = new Map(rows.map((r) => [r.section, r]))
    for (const section of SETTINGS_SECTIONS) {
      if (!parsed.data[section]) {
        continue
      }
      const existing = bySection.get(section)
      const values = next[section] as Record<string, unknown>
      if (existing) {
        await this.updateSettingsSections(
          { id: existing.id, values, updated_by: updatedBy },
          sharedContext
        )
      } else {
        await this.createSettingsSections({ section, values, updated_by: updatedBy }, sharedContext)
      }
    }
  }

  @InjectTransactionManager()
  protected async restoreStoredPatch_(
    snapshot: StoredPatch,
    audit: SettingsAudit | undefined,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const rows = await this.listSettingsSections({}, {}, sharedContext)
    const bySection = new Map(rows.map((r) => [r.section, r]))
    const toDelete = rows.filter((r) => !snapshot[r.section as SectionName]).map((r) => r.id)
    if (toDelete.length) {
      await this.deleteSettingsSections(toDelete, sharedContext)
    }
    for (const section of SETTINGS_SECTIONS) {
      const values = snapshot[section]
      if (!values) {
        continue
      }
      const existing = bySection.get(section)
      const was = audit?.[section]
      const by = was ? { updated_by: was.updated_by } : {}
      if (existing) {
        await this.updateSettingsSections({ id: existing.id, values, ...by }, sharedContext)
      } else {
        await this.createSettingsSections({ section, values, ...by }, sharedContext)
      }
    }
  }
}
