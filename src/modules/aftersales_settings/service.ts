import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { knexOf } from "../../utils/knex"
import { describeIssues, mergeSettings, resolveOptions } from "./defaults"
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

type StoredPatch = Partial<Record<SectionName, Record<string, unknown>>>

export default class AftersalesSettingsService extends MedusaService({ SettingsSection }) {
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
    const stored = await this.getStoredPatch_(sharedContext)
    return mergeSettings(this.defaults_, stored as AftersalesSettingsPatch)
  }

  /** What the merchant changed, per section: the snapshot a compensation restores. */
  @InjectManager()
  async getStoredPatch(@MedusaContext() sharedContext: Context = {}): Promise<StoredPatch> {
    return this.getStoredPatch_(sharedContext)
  }

  /**
   * Validates a partial patch, merges it per section over what is stored, checks that the
   * result is whole and valid, and saves it. Answers the settings now in force.
   */
  @InjectManager()
  async updateSettings(
    patch: unknown,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AftersalesSettings> {
    await this.updateSettings_(patch, sharedContext)
    return this.getSettings(sharedContext)
  }

  /** Puts back exactly the stored sections of a snapshot (used to compensate an update). */
  @InjectManager()
  async restoreStoredPatch(
    snapshot: StoredPatch,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.restoreStoredPatch_(snapshot, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateSettings_(
    patch: unknown,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const parsed = AftersalesSettingsPatchSchema.safeParse(patch ?? {})
    if (!parsed.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid settings: ${describeIssues(parsed.error.issues)}`
      )
    }
    const stored = await this.getStoredPatch_(sharedContext)
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
    await this.restoreStoredPatch_(next, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreStoredPatch_(
    snapshot: StoredPatch,
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
      if (existing) {
        await this.updateSettingsSections({ id: existing.id, values }, sharedContext)
      } else {
        await this.createSettingsSections({ section, values }, sharedContext)
      }
    }
  }

  @InjectTransactionManager()
  protected async getStoredPatch_(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StoredPatch> {
    // Read on every points, gesture and return decision (cart completion among them): two
    // columns by hand, not ORM entities, to keep it cheap.
    const rows: { section: string; values: unknown }[] = await knexOf(sharedContext)(TABLE)
      .select("section", "values")
      .whereNull("deleted_at")
    const patch: StoredPatch = {}
    for (const row of rows) {
      patch[row.section as SectionName] = row.values as Record<string, unknown>
    }
    return patch
  }
}
