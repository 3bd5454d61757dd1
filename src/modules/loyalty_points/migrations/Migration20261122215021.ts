import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122215021 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_points_transaction" drop constraint if exists "loyalty_points_transaction_idempotency_key_unique";`);
    this.addSql(`alter table if exists "loyalty_points_account" drop constraint if exists "loyalty_points_account_customer_id_unique";`);
    this.addSql(`create table if not exists "loyalty_points_account" ("id" text not null, "customer_id" text not null, "balance" integer not null default 0, "pending" integer not null default 0, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_points_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_points_account_deleted_at" ON "loyalty_points_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_points_account_customer_id_unique" ON "loyalty_points_account" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_points_transaction" ("id" text not null, "account_id" text not null, "customer_id" text not null, "type" text check ("type" in ('earn', 'redeem', 'refund', 'reverse', 'expire', 'adjust', 'bonus')) not null, "points" integer not null, "status" text check ("status" in ('pending', 'available')) not null default 'available', "remaining" integer not null default 0, "available_at" timestamptz null, "expires_at" timestamptz null, "idempotency_key" text not null, "reason" text null, "source" text null, "reference_id" text null, "order_id" text null, "currency_code" text null, "amount" numeric null, "rate" real null, "multiplier" real null, "allocations" jsonb null, "metadata" jsonb null, "raw_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_points_transaction_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_points_transaction_deleted_at" ON "loyalty_points_transaction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_points_transaction_idempotency_key_unique" ON "loyalty_points_transaction" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_points_transaction_customer_id_created_at" ON "loyalty_points_transaction" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_points_transaction_account_id_expires_at" ON "loyalty_points_transaction" ("account_id", "expires_at") WHERE deleted_at IS NULL AND remaining > 0;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_points_transaction_status_available_at" ON "loyalty_points_transaction" ("status", "available_at") WHERE deleted_at IS NULL AND status = 'pending';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_points_transaction_expires_at" ON "loyalty_points_transaction" ("expires_at") WHERE deleted_at IS NULL AND remaining > 0;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_points_transaction_order_id" ON "loyalty_points_transaction" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_points_transaction_reference_id" ON "loyalty_points_transaction" ("reference_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_points_account" cascade;`);

    this.addSql(`drop table if exists "loyalty_points_transaction" cascade;`);
  }

}
