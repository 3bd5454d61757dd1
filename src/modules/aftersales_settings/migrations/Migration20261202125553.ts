import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202125553 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "aftersales_settings_section" add column if not exists "updated_by" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "aftersales_settings_section" drop column if exists "updated_by";`);
  }

}
