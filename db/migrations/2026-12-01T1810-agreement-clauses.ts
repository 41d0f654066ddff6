import type { Kysely } from "kysely";

import { addEnumGuards, dropAppendOnly, dropEnumGuards, makeAppendOnly, type EnumGuards } from "../guards";

// Frozen once shipped: never edit a migration that has shipped; add a new one instead.
// Value lists are copied, not imported, so this migration keeps meaning what it meant.

const VISIBILITY = ["shared", "internal", "restricted"] as const;
const GUARDS: EnumGuards = {
  clauses: {
    topic: [
      "volumes",
      "pricing",
      "term_renewal",
      "notice_suspension",
      "review",
      "force_majeure",
      "dispute_resolution",
      "confidentiality",
      "other",
    ],
    status: ["unchanged", "under_discussion", "amendment_proposed", "agreed_in_principle", "agreed", "withdrawn"],
    visibility: VISIBILITY,
    illustrative: [0, 1],
  },
  clause_amendments: { visibility: VISIBILITY },
  concurrences: { response: ["concur", "concur_with_comments", "object"], visibility: ["internal", "restricted"] },
};

/** Proposals, status changes and concurrence answers are history: added to, never rewritten. */
const APPEND_ONLY = ["clause_amendments", "clause_status_changes", "concurrences"] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("clauses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("current_text", "text", (c) => c.notNull())
    // The real text is not public: demo text says it is illustrative.
    .addColumn("illustrative", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("unchanged"))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("clause_issues")
    .addColumn("clause_id", "text", (c) => c.notNull().references("clauses.id"))
    .addColumn("issue_id", "text", (c) => c.notNull().references("issues.id"))
    .addPrimaryKeyConstraint("clause_issues_pk", ["clause_id", "issue_id"])
    .execute();
  await db.schema.createIndex("clause_issues_issue").on("clause_issues").columns(["issue_id", "clause_id"]).execute();

  await db.schema
    .createTable("clause_status_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("clause_id", "text", (c) => c.notNull().references("clauses.id"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("actor_id", "text", (c) => c.references("users.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("clause_status_changes_clause").on("clause_status_changes").columns(["clause_id", "at"]).execute();

  // A proposal is never edited. India's go through concurrence first: `tabled_at` is the moment
  // the proposal reached the table (others' proposals are tabled as they are made); a tabling
  // records a new row that shares the proposal's `proposal_id`, so the table stays append-only.
  await db.schema
    .createTable("clause_amendments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("clause_id", "text", (c) => c.notNull().references("clauses.id"))
    // Order of proposals on the clause (1, 2, …): timestamps can tie.
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("proposed_text", "text", (c) => c.notNull())
    .addColumn("rationale", "text")
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("needs_concurrence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("clause_amendments_clause")
    .on("clause_amendments")
    .columns(["clause_id", "seq"])
    .unique()
    .execute();

  await db.schema
    .createTable("amendment_tablings")
    .addColumn("amendment_id", "text", (c) => c.primaryKey().references("clause_amendments.id"))
    .addColumn("tabled_by", "text", (c) => c.references("users.id"))
    .addColumn("tabled_at", "text", (c) => c.notNull())
    .execute();

  // Who must concur: one row per organization, named by the drafting ministry.
  await db.schema
    .createTable("concurrence_requests")
    .addColumn("amendment_id", "text", (c) => c.notNull().references("clause_amendments.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addPrimaryKeyConstraint("concurrence_requests_pk", ["amendment_id", "organization_id"])
    .execute();
  await db.schema
    .createIndex("concurrence_requests_org")
    .on("concurrence_requests")
    .columns(["organization_id", "amendment_id"])
    .execute();

  // One answer per organization and proposal: the unique index refuses a second.
  await db.schema
    .createTable("concurrences")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("amendment_id", "text", (c) => c.notNull().references("clause_amendments.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("response", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("responded_by", "text", (c) => c.references("users.id"))
    .addColumn("responded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("concurrences_once", ["amendment_id", "organization_id"])
    .execute();

  await addEnumGuards(db, GUARDS);
  await makeAppendOnly(db, APPEND_ONLY);
  await makeAppendOnly(db, ["amendment_tablings"]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await dropAppendOnly(db, ["amendment_tablings"]);
  await dropAppendOnly(db, APPEND_ONLY);
  await dropEnumGuards(db, GUARDS);
  for (const t of [
    "concurrences",
    "concurrence_requests",
    "amendment_tablings",
    "clause_amendments",
    "clause_status_changes",
    "clause_issues",
    "clauses",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
