import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202125748 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "delay_watch_incident" add column if not exists "announced_at" timestamptz null;`);
    // Incidents recorded before this column were announced in the same run (or deleted when that failed).
    this.addSql(`update "delay_watch_incident" set "announced_at" = "detected_at" where "announced_at" is null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delay_watch_incident_unannounced" ON "delay_watch_incident" ("detected_at", "id") WHERE deleted_at IS NULL AND announced_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_delay_watch_incident_unannounced";`);
    this.addSql(`alter table if exists "delay_watch_incident" drop column if exists "announced_at";`);
  }

}
