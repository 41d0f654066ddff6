import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one instead.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // An organization's latest positions across issues (the counterpart's dashboard) walk this
  // index newest first, probing each issue's visibility by key, instead of sorting every position
  // the organization ever stated (decision 012).
  await db.schema
    .createIndex("positions_org_date_idx")
    .on("positions")
    .columns(["organization_id", "stated_on", "recorded_at", "id"])
    .execute();
  // The supply balance sums every request per material and year: covering, it reads the index
  // alone rather than every row.
  await db.schema
    .createIndex("demand_requests_balance_idx")
    .on("demand_requests")
    .columns(["material", "fiscal_year", "status", "allocated_kg", "quantity_kg"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("demand_requests_balance_idx").execute();
  await db.schema.dropIndex("positions_org_date_idx").execute();
}
