import type { Kysely } from "kysely";

import { addEnumGuards, dropEnumGuards, type EnumGuards } from "../guards";

// Frozen once shipped: never edit a migration that has shipped; add a new one instead.
// Value lists are copied here, not imported, so this migration keeps meaning what it meant.

const GUARDS: EnumGuards = {
  outbox: { status: ["pending", "sending", "sent", "failed"] },
  notification_preferences: { mode: ["each", "digest", "off"] },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A forgotten-password link: only the SHA-256 of the mailed token is kept.
  await db.schema
    .createTable("password_reset_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("password_reset_tokens_user_idx")
    .on("password_reset_tokens")
    .columns(["user_id", "used_at"])
    .execute();

  // Requests for a reset link, counted per address and per client like failed sign-ins.
  await db.schema
    .createTable("password_reset_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("password_reset_requests_email_idx")
    .on("password_reset_requests")
    .columns(["email", "at"])
    .execute();
  await db.schema.createIndex("password_reset_requests_ip_idx").on("password_reset_requests").columns(["ip", "at"]).execute();

  // Mail waiting to go: written in the transaction of the change that causes it.
  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.references("users.id"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    // Makes "the same notice twice" impossible (e.g. one overdue reminder per action and user).
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text")
    .addColumn("claim_token", "text")
    .addColumn("sent_at", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("outbox_due_idx").on("outbox").columns(["status", "next_attempt_at"]).execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("mode", "text", (c) => c.notNull().defaultTo("each"))
    .addColumn("digest_hour", "integer", (c) => c.notNull().defaultTo(8))
    .addColumn("last_digest_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await addEnumGuards(db, GUARDS);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await dropEnumGuards(db, GUARDS);
  for (const table of ["notification_preferences", "outbox", "password_reset_requests", "password_reset_tokens"]) {
    await db.schema.dropTable(table).execute();
  }
}
