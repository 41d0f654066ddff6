import type { Kysely } from "kysely";

// Frozen: never edit a migration once it has landed; add a new one.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("issues")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("priority", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // The register and the matrix page through issues by (title, id).
  await db.schema.createIndex("issues_title_idx").on("issues").columns(["title", "id"]).execute();
  await db.schema.createIndex("issues_visibility_title_idx").on("issues").columns(["visibility", "title", "id"]).execute();

  await db.schema
    .createTable("issue_parties")
    .addColumn("issue_id", "text", (c) => c.notNull().references("issues.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addPrimaryKeyConstraint("issue_parties_pk", ["issue_id", "organization_id"])
    .execute();
  await db.schema.createIndex("issue_parties_org_idx").on("issue_parties").columns(["organization_id", "issue_id"]).execute();

  // Append-only: a position is never updated; a later one supersedes it for its party and issue.
  await db.schema
    .createTable("positions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("issue_id", "text", (c) => c.notNull().references("issues.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("stance", "text", (c) => c.notNull())
    .addColumn("statement", "text", (c) => c.notNull())
    .addColumn("desired_outcome", "text")
    .addColumn("flexibility", "text", (c) => c.notNull())
    // The calendar date (YYYY-MM-DD) from which the party held this position.
    .addColumn("stated_on", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("source_consultation_id", "text", (c) => c.references("consultations.id"))
    .addColumn("red_line", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("visibility", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("positions_issue_org_date_idx")
    .on("positions")
    .columns(["issue_id", "organization_id", "stated_on", "recorded_at", "id"])
    .execute();
  await db.schema.createIndex("positions_consultation_idx").on("positions").column("source_consultation_id").execute();

  await db.schema
    .createTable("assessments")
    .addColumn("id", "text", (c) => c.primaryKey())
    // Null: an assessment of the negotiation as a whole.
    .addColumn("issue_id", "text", (c) => c.references("issues.id"))
    .addColumn("assessed_on", "text", (c) => c.notNull())
    .addColumn("risk", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("recommendation", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("assessments_issue_date_idx")
    .on("assessments")
    .columns(["issue_id", "assessed_on", "created_at"])
    .execute();

  await db.schema
    .createTable("consultation_issues")
    .addColumn("consultation_id", "text", (c) => c.notNull().references("consultations.id"))
    .addColumn("issue_id", "text", (c) => c.notNull().references("issues.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("consultation_issues_pk", ["consultation_id", "issue_id"])
    .execute();
  await db.schema
    .createIndex("consultation_issues_issue_idx")
    .on("consultation_issues")
    .columns(["issue_id", "consultation_id"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["consultation_issues", "assessments", "positions", "issue_parties", "issues"]) {
    await db.schema.dropTable(table).execute();
  }
}
