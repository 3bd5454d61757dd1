import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202131044 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_return_rules_return_request_overview" ON "return_rules_return_request" ("created_at", "resolution") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_return_rules_return_request_overview";`);
  }

}
