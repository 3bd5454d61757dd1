import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122213817 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "aftersales_settings_section" drop constraint if exists "aftersales_settings_section_section_unique";`);
    this.addSql(`create table if not exists "aftersales_settings_section" ("id" text not null, "section" text not null, "values" jsonb not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aftersales_settings_section_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aftersales_settings_section_deleted_at" ON "aftersales_settings_section" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aftersales_settings_section_section_unique" ON "aftersales_settings_section" ("section") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "aftersales_settings_section" cascade;`);
  }

}
