import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202131046 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_points_transaction_overview" ON "loyalty_points_transaction" ("created_at", "type", "points") WHERE deleted_at IS NULL AND type IN ('earn', 'reverse', 'redeem', 'refund');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_loyalty_points_transaction_overview";`);
  }

}
