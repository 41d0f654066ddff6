import type { Kysely } from "kysely";

import { addEnumGuards, dropAppendOnly, dropEnumGuards, makeAppendOnly, type EnumGuards } from "../guards";

// Frozen once shipped: never edit a migration that has shipped; add a new one instead.
// Value lists are copied here, not imported, so this migration keeps meaning what it meant.

const GUARDS: EnumGuards = {
  stakeholder_ratings: {
    influence: [1, 2, 3, 4, 5],
    interest: [1, 2, 3, 4, 5],
    stance: [-2, -1, 0, 1, 2],
    visibility: ["internal", "restricted"],
  },
};

const APPEND_ONLY = ["stakeholder_ratings"] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A user's authenticator: the shared secret must be readable to check codes, so it is stored
  // as is; `last_step` is the last 30-second step accepted, so a code is never taken twice.
  await db.schema
    .createTable("user_totp")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("last_step", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("user_totp_user_idx").on("user_totp").columns(["user_id", "revoked_at"]).execute();

  // Single-use recovery codes, kept only as SHA-256 (they are random, like reset tokens).
  await db.schema
    .createTable("totp_recovery_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("totp_id", "text", (c) => c.notNull().references("user_totp.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("totp_recovery_codes_user_idx").on("totp_recovery_codes").columns(["user_id", "used_at"]).execute();

  // The half-way point of a two-step sign-in: the password was right, the code is still owed.
  await db.schema
    .createTable("sign_in_challenges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  // Roles whose users must use an authenticator (the administrator's choice).
  await db.schema
    .createTable("totp_required_roles")
    .addColumn("role", "text", (c) => c.primaryKey())
    .addColumn("required", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("users.id"))
    .execute();

  // The stakeholder map: dated, append-only ratings of each organization by the Indian side.
  await db.schema
    .createTable("stakeholder_ratings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("influence", "integer", (c) => c.notNull())
    .addColumn("interest", "integer", (c) => c.notNull())
    .addColumn("stance", "integer", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("stakeholder_ratings_org_idx")
    .on("stakeholder_ratings")
    .columns(["organization_id", "as_of", "recorded_at"])
    .execute();

  await addEnumGuards(db, GUARDS);
  await makeAppendOnly(db, APPEND_ONLY);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await dropAppendOnly(db, APPEND_ONLY);
  await dropEnumGuards(db, GUARDS);
  for (const table of ["stakeholder_ratings", "totp_required_roles", "sign_in_challenges", "totp_recovery_codes", "user_totp"]) {
    await db.schema.dropTable(table).execute();
  }
}
