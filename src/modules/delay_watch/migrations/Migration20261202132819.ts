import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202132819 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delay_watch_incident_detected_at" ON "delay_watch_incident" ("detected_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delay_watch_late_now" ON "delay_watch" ("late_stage") WHERE deleted_at IS NULL AND late_stage IS NOT NULL AND delivered_at IS NULL AND closed_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_delay_watch_incident_detected_at";`);

    this.addSql(`drop index if exists "IDX_delay_watch_late_now";`);
  }

}
