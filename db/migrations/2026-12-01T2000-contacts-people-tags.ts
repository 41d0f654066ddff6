import { sql, type Kysely } from "kysely";

import { addEnumGuards, dropEnumGuards, type EnumGuards } from "../guards";

// Frozen once shipped: never edit a migration that has shipped; add a new one instead.
// Value lists are copied here, not imported, so this migration keeps meaning what it meant.

const GUARDS: EnumGuards = {
  contacts: { visibility: ["shared", "internal", "restricted"] },
  consultation_attendees: { leads: [0, 1] },
  tags: { visibility: ["shared", "internal", "restricted"], kind: ["vocabulary", "free"] },
  record_tags: { entity_type: ["consultation", "issue", "milestone"] },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // People of an organization: not accounts (they never sign in).
  await db.schema
    .createTable("contacts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("languages", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // The list sorts by name; external readers reach contacts through their organization.
  await db.schema.createIndex("contacts_name_idx").on("contacts").columns(["name", "id"]).execute();
  await db.schema.createIndex("contacts_org_name_idx").on("contacts").columns(["organization_id", "name", "id"]).execute();

  // Who attended a consultation, per delegation: a contact or a user, never both.
  await db.schema
    .createTable("consultation_attendees")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("consultation_id", "text", (c) => c.notNull().references("consultations.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("contact_id", "text", (c) => c.references("contacts.id"))
    .addColumn("user_id", "text", (c) => c.references("users.id"))
    .addColumn("leads", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "consultation_attendees_one_person",
      sql`(contact_id is null and user_id is not null) or (contact_id is not null and user_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex("consultation_attendees_contact_uq")
    .on("consultation_attendees")
    .columns(["consultation_id", "contact_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("consultation_attendees_user_uq")
    .on("consultation_attendees")
    .columns(["consultation_id", "user_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("consultation_attendees_by_contact_idx")
    .on("consultation_attendees")
    .columns(["contact_id", "consultation_id"])
    .execute();

  // Users of the Indian side who own the relationship with an organization.
  await db.schema
    .createTable("organization_owners")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("organization_owners_pk", ["organization_id", "user_id"])
    .execute();

  // Tags: an administrator's vocabulary plus free tags typed on a record.
  await db.schema
    .createTable("tags")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    // The name folded for comparison: "Phase-down" and "phase-down" are one tag (at one level:
    // a name may exist at a level some user cannot see, and must not be refused for that).
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("tags_name_key_uq").on("tags").columns(["name_key", "visibility"]).unique().execute();

  await db.schema
    .createTable("record_tags")
    .addColumn("tag_id", "text", (c) => c.notNull().references("tags.id"))
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("record_tags_pk", ["tag_id", "entity_type", "entity_id"])
    .execute();
  await db.schema
    .createIndex("record_tags_entity_idx")
    .on("record_tags")
    .columns(["entity_type", "entity_id", "tag_id"])
    .execute();

  await addEnumGuards(db, GUARDS);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await dropEnumGuards(db, GUARDS);
  for (const table of ["record_tags", "tags", "organization_owners", "consultation_attendees", "contacts"]) {
    await db.schema.dropTable(table).execute();
  }
}
