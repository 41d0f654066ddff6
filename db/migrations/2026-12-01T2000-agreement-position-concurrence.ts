import { sql, type Kysely } from "kysely";

import { addEnumGuards, dropAppendOnly, dropEnumGuards, makeAppendOnly, type EnumGuards } from "../guards";

// Frozen once shipped: never edit a migration that has shipped; add a new one instead.
// Value lists are copied, not imported, so this migration keeps meaning what it meant.

const MATERIALS = [
  "neodymium_oxide",
  "praseodymium_oxide",
  "ndpr_oxide",
  "dysprosium_oxide",
  "terbium_oxide",
  "samarium",
  "lanthanum_oxide",
  "cerium_oxide",
];
const GUARDS: EnumGuards = {
  position_concurrences: { response: ["concur", "concur_with_comments", "object"], visibility: ["internal", "restricted"] },
  position_schedules: { material: MATERIALS, kind: ["offer", "ask"] },
};

/** Answers, tablings and schedules are history: added to, never rewritten. */
const APPEND_ONLY = ["position_concurrences", "position_tablings", "position_schedules"] as const;

/**
 * The Government of India's positions for the table go through the same concurrence as its
 * proposed amendments (decision 016), and a position on a volume issue can carry a tonnage
 * schedule per material and fiscal year, in integer kilograms like every quantity in Accord.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Existing positions were recorded before concurrence existed: they stand as recorded.
  await sql`ALTER TABLE positions ADD COLUMN needs_concurrence integer NOT NULL DEFAULT 0 CHECK (needs_concurrence IN (0, 1))`.execute(
    db,
  );

  await db.schema
    .createTable("position_concurrence_requests")
    .addColumn("position_id", "text", (c) => c.notNull().references("positions.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addPrimaryKeyConstraint("position_concurrence_requests_pk", ["position_id", "organization_id"])
    .execute();
  await db.schema
    .createIndex("position_concurrence_requests_org")
    .on("position_concurrence_requests")
    .columns(["organization_id", "position_id"])
    .execute();

  // One answer per organization and position: the unique constraint refuses a second.
  await db.schema
    .createTable("position_concurrences")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("position_id", "text", (c) => c.notNull().references("positions.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("response", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("responded_by", "text", (c) => c.references("users.id"))
    .addColumn("responded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("position_concurrences_once", ["position_id", "organization_id"])
    .execute();

  await db.schema
    .createTable("position_tablings")
    .addColumn("position_id", "text", (c) => c.primaryKey().references("positions.id"))
    .addColumn("tabled_by", "text", (c) => c.references("users.id"))
    .addColumn("tabled_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("position_schedules")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("position_id", "text", (c) => c.notNull().references("positions.id"))
    .addColumn("material", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "text", (c) => c.notNull())
    // offer: what the Indian side offers to supply; ask: what the Japanese side asks for.
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("kg", "integer", (c) => c.notNull().check(sql`kg >= 0`))
    .addUniqueConstraint("position_schedules_once", ["position_id", "material", "fiscal_year"])
    .execute();

  await addEnumGuards(db, GUARDS);
  await makeAppendOnly(db, APPEND_ONLY);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await dropAppendOnly(db, APPEND_ONLY);
  await dropEnumGuards(db, GUARDS);
  for (const t of ["position_schedules", "position_tablings", "position_concurrences", "position_concurrence_requests"])
    await db.schema.dropTable(t).execute();
  await sql`ALTER TABLE positions DROP COLUMN needs_concurrence`.execute(db);
}
