import type { Kysely } from "kysely";

import { addEnumGuards, dropAppendOnly, dropEnumGuards, makeAppendOnly, type EnumGuards } from "../guards";
import { blobColumnType, createDocumentSearch, dropDocumentSearch } from "../sql";

// Frozen: never edit a migration once it has landed; add a new one.
// Documents attached to consultations, issues, milestones and demand requests: the document
// (title, kind, level; archived, never deleted), its versions (append-only), the bytes of each
// version in a table of their own (so listing versions never reads a blob), and a search index
// over the text extracted from the latest version.

const GUARDS: EnumGuards = {
  documents: {
    entity_type: ["consultation", "issue", "milestone", "demand_request"],
    kind: ["non_paper", "presentation", "draft_text", "signed_minutes", "data", "other"],
    visibility: ["shared", "internal", "restricted"],
  },
};

const APPEND_ONLY = ["document_versions", "document_blobs"] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    // Number of the latest version; every document has at least one.
    .addColumn("current_number", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // A record's documents, newest first.
  await db.schema
    .createIndex("documents_entity_idx")
    .on("documents")
    .columns(["entity_type", "entity_id", "created_at"])
    .execute();
  await db.schema
    .createTable("document_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    // Text extracted on upload (PDF, plain text, CSV); null for other types or when extraction failed.
    .addColumn("extracted_text", "text")
    .addColumn("uploaded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("document_versions_number", ["document_id", "number"])
    .execute();
  await db.schema
    .createTable("document_blobs")
    .addColumn("version_id", "text", (c) => c.primaryKey().references("document_versions.id"))
    .addColumn("content", blobColumnType(db), (c) => c.notNull())
    .execute();
  await createDocumentSearch(db);
  await addEnumGuards(db, GUARDS);
  await makeAppendOnly(db, APPEND_ONLY);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await dropAppendOnly(db, APPEND_ONLY);
  await dropEnumGuards(db, GUARDS);
  await dropDocumentSearch(db);
  for (const t of ["document_blobs", "document_versions", "documents"]) await db.schema.dropTable(t).execute();
}
