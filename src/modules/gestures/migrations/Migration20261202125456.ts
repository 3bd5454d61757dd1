import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202125456 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "gestures_gesture" drop constraint if exists "gestures_gesture_status_check";`);

    this.addSql(`alter table if exists "gestures_gesture" add column if not exists "revoked_at" timestamptz null;`);
    this.addSql(`alter table if exists "gestures_gesture" add constraint "gestures_gesture_status_check" check("status" in ('pending_approval', 'issued', 'redeemed', 'cancelled', 'revoked'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "gestures_gesture" drop constraint if exists "gestures_gesture_status_check";`);

    this.addSql(`alter table if exists "gestures_gesture" drop column if exists "revoked_at";`);

    this.addSql(`alter table if exists "gestures_gesture" add constraint "gestures_gesture_status_check" check("status" in ('pending_approval', 'issued', 'redeemed', 'cancelled'));`);
  }

}
