import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one instead.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Both nullable: no stored language means "follow the browser"; no stored zone means "the
  // organization's country decides" (India: Asia/Kolkata, Japan: Asia/Tokyo), read at sign-in time.
  await db.schema.alterTable("users").addColumn("locale", "text").execute();
  await db.schema.alterTable("users").addColumn("time_zone", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("time_zone").execute();
  await db.schema.alterTable("users").dropColumn("locale").execute();
}
