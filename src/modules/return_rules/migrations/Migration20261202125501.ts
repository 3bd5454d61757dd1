import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202125501 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "return_rules_return_request" add column if not exists "payment_collection_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "return_rules_return_request" drop column if exists "payment_collection_id";`);
  }

}
