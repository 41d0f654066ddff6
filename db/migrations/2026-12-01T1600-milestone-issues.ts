import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one instead.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The negotiation issues a milestone advances. A link is shown only where both sides are visible.
  await db.schema
    .createTable("milestone_issues")
    .addColumn("milestone_id", "text", (c) => c.notNull().references("milestones.id"))
    .addColumn("issue_id", "text", (c) => c.notNull().references("issues.id"))
    .addPrimaryKeyConstraint("milestone_issues_pk", ["milestone_id", "issue_id"])
    .execute();
  // The issue page lists its milestones: look links up by issue too.
  await db.schema
    .createIndex("milestone_issues_issue_idx")
    .on("milestone_issues")
    .columns(["issue_id", "milestone_id"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("milestone_issues").execute();
}
