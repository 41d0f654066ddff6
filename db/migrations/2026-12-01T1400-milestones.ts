import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration once it has landed; add a new one.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("milestones")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("owner_organization_id", "text", (c) => c.notNull().references("organizations.id"))
    // Calendar dates, YYYY-MM-DD.
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("planned"))
    .addColumn("completed_on", "text")
    // The owner's latest word on progress; earlier notes live in the audit log.
    .addColumn("progress_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // The list sorts by due date and filters by visibility, category, owner and status.
  await db.schema.createIndex("milestones_due_idx").on("milestones").columns(["due_date", "id"]).execute();
  await db.schema
    .createIndex("milestones_visibility_due_idx")
    .on("milestones")
    .columns(["visibility", "due_date", "id"])
    .execute();
  await db.schema.createIndex("milestones_category_due_idx").on("milestones").columns(["category", "due_date", "id"]).execute();
  await db.schema
    .createIndex("milestones_owner_due_idx")
    .on("milestones")
    .columns(["owner_organization_id", "due_date", "id"])
    .execute();
  await db.schema.createIndex("milestones_status_due_idx").on("milestones").columns(["status", "due_date", "id"]).execute();
  await db.schema.createIndex("milestones_title_idx").on("milestones").column("title").execute();

  // milestone_id depends on depends_on_id: the dependency must be done first.
  await db.schema
    .createTable("milestone_dependencies")
    .addColumn("milestone_id", "text", (c) => c.notNull().references("milestones.id"))
    .addColumn("depends_on_id", "text", (c) => c.notNull().references("milestones.id"))
    .addPrimaryKeyConstraint("milestone_dependencies_pk", ["milestone_id", "depends_on_id"])
    .addCheckConstraint("milestone_dependencies_not_self", sql`milestone_id <> depends_on_id`)
    .execute();
  await db.schema
    .createIndex("milestone_dependencies_upstream_idx")
    .on("milestone_dependencies")
    .columns(["depends_on_id", "milestone_id"])
    .execute();

  // Organizations other than the owner that a shared milestone is visible to.
  await db.schema
    .createTable("milestone_parties")
    .addColumn("milestone_id", "text", (c) => c.notNull().references("milestones.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addPrimaryKeyConstraint("milestone_parties_pk", ["milestone_id", "organization_id"])
    .execute();
  await db.schema
    .createIndex("milestone_parties_org_idx")
    .on("milestone_parties")
    .columns(["organization_id", "milestone_id"])
    .execute();

  // Secret calendar feed URLs: only a SHA-256 of the token is kept; a reset revokes the old one.
  await db.schema
    .createTable("calendar_feed_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema
    .createIndex("calendar_feed_tokens_user_idx")
    .on("calendar_feed_tokens")
    .columns(["user_id", "revoked_at"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["calendar_feed_tokens", "milestone_parties", "milestone_dependencies", "milestones"]) {
    await db.schema.dropTable(table).execute();
  }
}
