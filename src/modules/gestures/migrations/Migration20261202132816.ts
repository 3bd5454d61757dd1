import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202132816 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_gestures_gesture_created_at" ON "gestures_gesture" ("created_at", "issued_at", "redeemed_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_gestures_gesture_created_at";`);
  }

}
