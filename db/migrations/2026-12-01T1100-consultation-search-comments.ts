import type { Kysely } from "kysely";

import { createConsultationSearch, dropConsultationSearch } from "../sql";

// Frozen: never edit a migration once it has landed; add a new one. (Its one edit since: the
// search table is created by a db/sql.ts helper that issues the same FTS5 SQL on SQLite and the
// PostgreSQL equivalent there; see docs/decisions/014-postgresql.md.)

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A random key per rendered "new" form: a second submit of the same form is refused, not doubled.
  await db.schema.alterTable("consultations").addColumn("submission_key", "text").execute();
  await db.schema.createIndex("consultations_submission_key_idx").on("consultations").column("submission_key").unique().execute();

  // Full-text search over a consultation and its follow-up actions, one document per consultation,
  // rewritten by the model layer on every change. SQLite FTS5; on PostgreSQL the equivalent is a
  // tsvector column with a GIN index and websearch_to_tsquery / ts_headline.
  await createConsultationSearch(db);

  // Comments on any record (consultations first; issues and milestones later). Append-only.
  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    // Never looser than the record's own visibility; enforced by the model.
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("comments_entity_idx").on("comments").columns(["entity_type", "entity_id", "created_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("comments").execute();
  await dropConsultationSearch(db);
  await db.schema.dropIndex("consultations_submission_key_idx").execute();
  await db.schema.alterTable("consultations").dropColumn("submission_key").execute();
}
