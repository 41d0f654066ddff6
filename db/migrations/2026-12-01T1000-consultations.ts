import type { Kysely } from "kysely";

// Frozen: never edit a migration once it has landed; add a new one.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("consultations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    // The instant in UTC, and the IANA zone it was entered in (shown beside IST and JST).
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("location", "text")
    .addColumn("agenda", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("outcome", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("consultations_starts_idx").on("consultations").columns(["starts_at", "id"]).execute();
  await db.schema
    .createIndex("consultations_visibility_starts_idx")
    .on("consultations")
    .columns(["visibility", "starts_at", "id"])
    .execute();

  await db.schema
    .createTable("consultation_participants")
    .addColumn("consultation_id", "text", (c) => c.notNull().references("consultations.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addPrimaryKeyConstraint("consultation_participants_pk", ["consultation_id", "organization_id"])
    .execute();
  await db.schema
    .createIndex("consultation_participants_org_idx")
    .on("consultation_participants")
    .columns(["organization_id", "consultation_id"])
    .execute();

  await db.schema
    .createTable("follow_up_actions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("consultation_id", "text", (c) => c.notNull().references("consultations.id"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner_organization_id", "text", (c) => c.notNull().references("organizations.id"))
    // A calendar date, YYYY-MM-DD.
    .addColumn("due_date", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("completed_at", "text")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("follow_up_actions_consultation_idx")
    .on("follow_up_actions")
    .columns(["consultation_id", "position"])
    .execute();
  await db.schema
    .createIndex("follow_up_actions_owner_idx")
    .on("follow_up_actions")
    .columns(["owner_organization_id", "status", "due_date"])
    .execute();
  await db.schema.createIndex("follow_up_actions_status_idx").on("follow_up_actions").columns(["status", "due_date"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["follow_up_actions", "consultation_participants", "consultations"]) {
    await db.schema.dropTable(table).execute();
  }
}
