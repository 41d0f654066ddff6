import type { Kysely } from "kysely";

// Frozen: never edit a migration once it has landed; add a new one.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Per-user reading state of the activity feed; survives sign-out because it is not the session.
  await db.schema
    .createTable("activity_reads")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("last_read_at", "text", (c) => c.notNull())
    .execute();
  // The start of the user's previous session: the baseline of "since your last visit".
  await db.schema.alterTable("users").addColumn("previous_sign_in_at", "text").execute();
  await db.schema.createIndex("audit_events_entity_type_at_idx").on("audit_events").columns(["entity_type", "at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_events_entity_type_at_idx").execute();
  await db.schema.alterTable("users").dropColumn("previous_sign_in_at").execute();
  await db.schema.dropTable("activity_reads").execute();
}
