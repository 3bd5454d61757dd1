import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122220822 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "delay_watch" drop constraint if exists "delay_watch_order_id_unique";`);
    this.addSql(`alter table if exists "delay_watch_incident" drop constraint if exists "delay_watch_incident_stage_unique";`);
    this.addSql(`create table if not exists "delay_watch_incident" ("id" text not null, "watch_id" text not null, "order_id" text not null, "stage" text check ("stage" in ('ship', 'deliver', 'carrier')) not null, "cause" text not null, "reference" text null, "detected_at" timestamptz not null, "new_estimate" timestamptz not null, "ticket_id" text null, "choice" text check ("choice" in ('wait', 'cancel')) null, "chosen_at" timestamptz null, "gesture_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delay_watch_incident_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delay_watch_incident_deleted_at" ON "delay_watch_incident" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delay_watch_incident_stage_unique" ON "delay_watch_incident" ("order_id", "stage") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delay_watch_incident_ticket_id" ON "delay_watch_incident" ("ticket_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "delay_watch" ("id" text not null, "order_id" text not null, "customer_id" text null, "shipping_option_id" text null, "status" text check ("status" in ('open', 'closed')) not null default 'open', "placed_at" timestamptz not null, "ship_by" timestamptz not null, "deliver_by" timestamptz not null, "fulfilled_at" timestamptz null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "closed_at" timestamptz null, "ship_late_at" timestamptz null, "deliver_late_at" timestamptz null, "carrier_exception_at" timestamptz null, "late_stage" text check ("late_stage" in ('ship', 'deliver', 'carrier')) null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delay_watch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delay_watch_deleted_at" ON "delay_watch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delay_watch_order_id_unique" ON "delay_watch" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delay_watch_ship_scan" ON "delay_watch" ("ship_by", "id") WHERE deleted_at IS NULL AND status = 'open' AND shipped_at IS NULL AND ship_late_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delay_watch_deliver_scan" ON "delay_watch" ("deliver_by", "id") WHERE deleted_at IS NULL AND status = 'open' AND shipped_at IS NOT NULL AND delivered_at IS NULL AND deliver_late_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delay_watch_late_stage" ON "delay_watch" ("late_stage") WHERE deleted_at IS NULL AND late_stage IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "delay_watch_incident" cascade;`);

    this.addSql(`drop table if exists "delay_watch" cascade;`);
  }

}
