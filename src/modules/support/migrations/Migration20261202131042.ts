import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202131042 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_ticket_overview" ON "support_ticket" ("created_at", "sla_breached_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_ticket_breached" ON "support_ticket" ("sla_breached_at") WHERE deleted_at IS NULL AND sla_breached_at IS NOT NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_ticket_resolution_rated" ON "support_ticket_resolution" ("rated_at", "rating_score") WHERE deleted_at IS NULL AND rating_score IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_support_ticket_overview";`);
    this.addSql(`drop index if exists "IDX_support_ticket_breached";`);

    this.addSql(`drop index if exists "IDX_support_ticket_resolution_rated";`);
  }

}
