import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122221907 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_points_account" add column if not exists "birthday" text null, add column if not exists "birthday_changed_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_points_account_birthday" ON "loyalty_points_account" ("birthday") WHERE deleted_at IS NULL AND birthday IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_loyalty_points_account_birthday";`);
    this.addSql(`alter table if exists "loyalty_points_account" drop column if exists "birthday", drop column if exists "birthday_changed_at";`);
  }

}
