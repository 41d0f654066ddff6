import { sql, type Kysely } from "kysely";

// Frozen once shipped: never edit a migration that has shipped; add a new one instead.

/**
 * Which side of the negotiation an organization sits on is not its country: Toyotsu Rare Earths
 * India is an Indian company on the Japanese side. `side` carries the negotiating side and
 * `affiliation` the group it belongs to, so both facts can be shown.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE organizations ADD COLUMN side text NOT NULL DEFAULT 'other' CHECK (side IN ('india', 'japan', 'other'))`.execute(
    db,
  );
  await sql`ALTER TABLE organizations ADD COLUMN affiliation text`.execute(db);
  await sql`UPDATE organizations SET side = CASE country WHEN 'India' THEN 'india' WHEN 'Japan' THEN 'japan' ELSE 'other' END`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE organizations DROP COLUMN affiliation`.execute(db);
  await sql`ALTER TABLE organizations DROP COLUMN side`.execute(db);
}
