import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122214905 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "return_rules_return_request" ("id" text not null, "order_id" text not null, "customer_id" text not null, "idempotency_key" text not null, "resolution" text check ("resolution" in ('exchange', 'store_credit', 'refund')) not null, "keep_item" boolean not null default false, "items" jsonb not null, "exchange_items" jsonb null, "bonus_amount" numeric null, "currency_code" text not null, "exchange_id" text null, "return_id" text null, "metadata" jsonb null, "raw_bonus_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "return_rules_return_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_return_rules_return_request_order_id" ON "return_rules_return_request" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_return_rules_return_request_deleted_at" ON "return_rules_return_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_return_rules_return_request_idempotency" ON "return_rules_return_request" ("customer_id", "idempotency_key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "return_rules_return_request" cascade;`);
  }

}
