import type { Kysely } from "kysely";

// Frozen: never edit a migration once it has landed; add a new one.
// Quantities are integer kilograms (exact in SQLite and PostgreSQL alike; bigint there).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("demand_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("submitted_by", "text", (c) => c.references("users.id"))
    .addColumn("material", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "text", (c) => c.notNull())
    .addColumn("quantity_kg", "bigint", (c) => c.notNull())
    .addColumn("sector", "text", (c) => c.notNull())
    .addColumn("end_use", "text", (c) => c.notNull())
    .addColumn("justification", "text", (c) => c.notNull())
    .addColumn("for_indian_magnets", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("allocated_kg", "bigint")
    .addColumn("current_decision_id", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // The list sorts newest first; industry users' lists are per organization.
  await db.schema.createIndex("demand_requests_created_idx").on("demand_requests").columns(["created_at", "id"]).execute();
  await db.schema
    .createIndex("demand_requests_org_created_idx")
    .on("demand_requests")
    .columns(["organization_id", "created_at", "id"])
    .execute();
  await db.schema
    .createIndex("demand_requests_status_created_idx")
    .on("demand_requests")
    .columns(["status", "created_at", "id"])
    .execute();
  // The balance sums by material and year.
  await db.schema
    .createIndex("demand_requests_material_year_idx")
    .on("demand_requests")
    .columns(["material", "fiscal_year", "status"])
    .execute();

  await db.schema
    .createTable("demand_decisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("request_id", "text", (c) => c.notNull().references("demand_requests.id"))
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("allocated_kg", "bigint", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull())
    .addColumn("remaining_balance_kg", "bigint", (c) => c.notNull())
    .addColumn("over_balance_confirmed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("supersedes_id", "text", (c) => c.references("demand_decisions.id"))
    .addColumn("decided_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("decided_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("demand_decisions_request_idx")
    .on("demand_decisions")
    .columns(["request_id", "decided_at"])
    .execute();
  // A decision is superseded at most once: two concurrent changes cannot both replace it.
  await db.schema.createIndex("demand_decisions_supersedes_uq").on("demand_decisions").column("supersedes_id").unique().execute();

  await db.schema
    .createTable("supply_figures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("material", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "text", (c) => c.notNull())
    .addColumn("production_kg", "bigint", (c) => c.notNull())
    .addColumn("production_basis", "text", (c) => c.notNull())
    .addColumn("exports_kg", "bigint", (c) => c.notNull())
    .addColumn("reserve_kg", "bigint", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_by", "text", (c) => c.references("users.id"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("supply_figures_material_year_uq", ["material", "fiscal_year"])
    .execute();
  await db.schema.createIndex("supply_figures_year_idx").on("supply_figures").columns(["fiscal_year", "material"]).execute();

  await db.schema
    .createTable("supply_scenarios")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("supply_scenarios_visibility_idx")
    .on("supply_scenarios")
    .columns(["visibility", "updated_at", "id"])
    .execute();

  await db.schema
    .createTable("supply_scenario_exports")
    .addColumn("scenario_id", "text", (c) => c.notNull().references("supply_scenarios.id"))
    .addColumn("material", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "text", (c) => c.notNull())
    .addColumn("exports_kg", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("supply_scenario_exports_pk", ["scenario_id", "material", "fiscal_year"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["supply_scenario_exports", "supply_scenarios", "supply_figures", "demand_decisions", "demand_requests"]) {
    await db.schema.dropTable(table).execute();
  }
}
