import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122214707 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "gestures_gesture" drop constraint if exists "gestures_gesture_code_unique";`);
    this.addSql(`alter table if exists "gestures_gesture" drop constraint if exists "gestures_gesture_resolution_id_unique";`);
    this.addSql(`alter table if exists "gestures_gesture" drop constraint if exists "gestures_gesture_idempotency_key_unique";`);
    this.addSql(`create table if not exists "gestures_gesture" ("id" text not null, "customer_id" text not null, "ticket_id" text null, "resolution_id" text null, "order_id" text null, "kind" text check ("kind" in ('percentage', 'fixed', 'free_shipping', 'store_credit', 'points')) not null, "value" numeric not null, "amount" numeric not null, "currency_code" text not null, "status" text check ("status" in ('pending_approval', 'issued', 'redeemed', 'cancelled')) not null, "code" text null, "promotion_id" text null, "expires_at" timestamptz not null, "requested_by" text null, "approved_by" text null, "approved_at" timestamptz null, "issued_at" timestamptz null, "redeemed_order_id" text null, "redeemed_at" timestamptz null, "idempotency_key" text not null, "metadata" jsonb null, "raw_value" jsonb not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "gestures_gesture_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_gestures_gesture_customer_id" ON "gestures_gesture" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_gestures_gesture_ticket_id" ON "gestures_gesture" ("ticket_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_gestures_gesture_order_id" ON "gestures_gesture" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_gestures_gesture_deleted_at" ON "gestures_gesture" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_gestures_gesture_idempotency_key_unique" ON "gestures_gesture" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_gestures_gesture_resolution_id_unique" ON "gestures_gesture" ("resolution_id") WHERE deleted_at IS NULL AND resolution_id IS NOT NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_gestures_gesture_code_unique" ON "gestures_gesture" ("code") WHERE deleted_at IS NULL AND code IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "gestures_gesture" cascade;`);
  }

}
