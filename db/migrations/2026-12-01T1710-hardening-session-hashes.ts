import type { Kysely } from "kysely";

// Frozen once shipped: never edit a migration that has shipped; add a new one instead.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Sessions are now stored as the SHA-256 of the cookie's token; rows written before hold the
  // token itself, so they are removed (their users sign in again) rather than left readable.
  await db.deleteFrom("sessions").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("sessions").execute();
}
