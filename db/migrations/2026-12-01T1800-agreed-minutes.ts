import type { Kysely } from "kysely";

import { addEnumGuards, dropAppendOnly, dropEnumGuards, makeAppendOnly, type EnumGuards } from "../guards";

// Frozen: never edit a migration once it has landed; add a new one.
// Agreed minutes of a consultation: the working text, every circulated version (append-only),
// the organizations each version was circulated to, their confirmations and amendments.

const GUARDS: EnumGuards = {
  minutes: { status: ["draft", "circulated", "agreed"] },
  minutes_amendments: { status: ["open", "accepted", "rejected"] },
};

const APPEND_ONLY = ["minutes_versions", "minutes_version_parties", "minutes_confirmations"] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("minutes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("consultation_id", "text", (c) => c.notNull().unique().references("consultations.id"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    // The working text; once circulated it equals the latest version until amendments are accepted.
    .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("drafted_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("drafting_organization_id", "text", (c) => c.notNull().references("organizations.id"))
    // Number of the latest circulated version; 0 while never circulated.
    .addColumn("current_number", "integer", (c) => c.notNull().defaultTo(0))
    // Number of the latest agreed version, kept while a correction goes round.
    .addColumn("agreed_number", "integer")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("minutes_versions")
    .addColumn("minutes_id", "text", (c) => c.notNull().references("minutes.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("circulated_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("circulated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("minutes_versions_pk", ["minutes_id", "number"])
    .execute();
  await db.schema
    .createTable("minutes_version_parties")
    .addColumn("minutes_id", "text", (c) => c.notNull().references("minutes.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addPrimaryKeyConstraint("minutes_version_parties_pk", ["minutes_id", "number", "organization_id"])
    .execute();
  // "Awaiting my organization": from the organization to its versions.
  await db.schema
    .createIndex("minutes_version_parties_org_idx")
    .on("minutes_version_parties")
    .columns(["organization_id", "minutes_id", "number"])
    .execute();
  await db.schema
    .createTable("minutes_confirmations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("minutes_id", "text", (c) => c.notNull().references("minutes.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addUniqueConstraint("minutes_confirmations_once", ["minutes_id", "number", "organization_id"])
    .execute();
  await db.schema
    .createTable("minutes_amendments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("minutes_id", "text", (c) => c.notNull().references("minutes.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("paragraph", "integer", (c) => c.notNull())
    .addColumn("proposed_text", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("proposed_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("proposed_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("decided_by", "text", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("minutes_amendments_minutes_idx")
    .on("minutes_amendments")
    .columns(["minutes_id", "number"])
    .execute();
  await addEnumGuards(db, GUARDS);
  await makeAppendOnly(db, APPEND_ONLY);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await dropAppendOnly(db, APPEND_ONLY);
  await dropEnumGuards(db, GUARDS);
  for (const t of ["minutes_amendments", "minutes_confirmations", "minutes_version_parties", "minutes_versions", "minutes"])
    await db.schema.dropTable(t).execute();
}
