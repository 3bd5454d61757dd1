import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122214706 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "support_ticket" drop constraint if exists "support_ticket_idempotency_key_unique";`);
    this.addSql(`create table if not exists "support_ticket" ("id" text not null, "display_id" serial, "customer_id" text not null, "order_id" text null, "category" text check ("category" in ('delay', 'damaged', 'wrong_item', 'missing_item', 'return', 'refund', 'payment', 'other')) not null, "status" text check ("status" in ('open', 'pending_customer', 'resolved', 'closed')) not null default 'open', "priority" text check ("priority" in ('low', 'normal', 'high', 'urgent')) not null default 'normal', "channel" text check ("channel" in ('web', 'email', 'phone', 'chat', 'social', 'system')) not null default 'web', "source" text check ("source" in ('customer', 'proactive', 'admin')) not null default 'customer', "subject" text not null, "assignee_id" text null, "first_response_due_at" timestamptz null, "first_responded_at" timestamptz null, "resolution_due_at" timestamptz null, "sla_breached_at" timestamptz null, "sla_breach" text null, "resolved_at" timestamptz null, "outcome" text null, "idempotency_key" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "support_ticket_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_ticket_customer_id" ON "support_ticket" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_ticket_order_id" ON "support_ticket" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_ticket_deleted_at" ON "support_ticket" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_support_ticket_idempotency_key_unique" ON "support_ticket" ("idempotency_key") WHERE deleted_at IS NULL AND idempotency_key IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_ticket_status" ON "support_ticket" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "support_message" ("id" text not null, "ticket_id" text not null, "author_type" text check ("author_type" in ('customer', 'agent', 'system')) not null, "author_id" text null, "body" text not null, "internal" boolean not null default false, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "support_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_message_ticket_id" ON "support_message" ("ticket_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_message_deleted_at" ON "support_message" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "support_ticket_resolution" ("id" text not null, "ticket_id" text not null, "outcome" text not null, "note" text null, "resolved_by" text null, "rating_score" integer null, "rating_comment" text null, "rated_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "support_ticket_resolution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_ticket_resolution_ticket_id" ON "support_ticket_resolution" ("ticket_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_support_ticket_resolution_deleted_at" ON "support_ticket_resolution" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "support_message" add constraint "support_message_ticket_id_foreign" foreign key ("ticket_id") references "support_ticket" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "support_ticket_resolution" add constraint "support_ticket_resolution_ticket_id_foreign" foreign key ("ticket_id") references "support_ticket" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "support_message" drop constraint if exists "support_message_ticket_id_foreign";`);

    this.addSql(`alter table if exists "support_ticket_resolution" drop constraint if exists "support_ticket_resolution_ticket_id_foreign";`);

    this.addSql(`drop table if exists "support_ticket" cascade;`);

    this.addSql(`drop table if exists "support_message" cascade;`);

    this.addSql(`drop table if exists "support_ticket_resolution" cascade;`);
  }

}
