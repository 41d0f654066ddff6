/**
 * IREL's supply figures, the balance against demand, and saved phase-down scenarios.
 * All of it is internal: routes check `supply:read` / `scenario:read` first, and scenario
 * queries compose `visibleScenarios`.
 */
import type { SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { compareFiscalYears } from "~/models/fiscal-year";
import { visibleDemandRequests, visibleScenarios } from "~/models/scopes.server";
import type { ExportSchedule, SupplyYear } from "~/models/supply-balance";
import { refused, versionedUpdate, type CreateResult, type Refused, type Tx, type WriteResult } from "~/models/writes.server";
import type { SupplyFigureInput } from "~/schemas/demand";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import { MATERIALS, type Material, type SupplyFigure, type SupplyScenario, type Visibility } from "~db/schema";

import { ALLOCATED_STATUSES, PENDING_STATUSES } from "./demand.server";

const materialOrder = (m: string) => (MATERIALS as readonly string[]).indexOf(m);

export async function listSupplyFigures(db: DB): Promise<SupplyFigure[]> {
  const rows = await db.selectFrom("supply_figures").selectAll().execute();
  return rows.sort(
    (a, b) => materialOrder(a.material) - materialOrder(b.material) || compareFiscalYears(a.fiscal_year, b.fiscal_year),
  );
}

export async function getSupplyFigure(db: DB, id: string): Promise<SupplyFigure | undefined> {
  return db.selectFrom("supply_figures").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function supplyFigureFor(db: DB, material: Material, fiscalYear: string) {
  return db
    .selectFrom("supply_figures")
    .selectAll()
    .where("material", "=", material)
    .where("fiscal_year", "=", fiscalYear)
    .executeTakeFirst();
}

function figureValues(input: SupplyFigureInput) {
  return {
    material: input.material,
    fiscal_year: input.fiscalYear,
    production_kg: input.production,
    production_basis: input.productionBasis,
    exports_kg: input.exports,
    reserve_kg: input.reserve,
    notes: input.notes ?? "",
  };
}

export type CreateFigureResult = CreateResult<SupplyFigure, Refused<"exists", { existing: SupplyFigure }>>;

export async function createSupplyFigure(db: DB, actorId: string | null, input: SupplyFigureInput): Promise<CreateFigureResult> {
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom("supply_figures")
      .selectAll()
      .where("material", "=", input.material)
      .where("fiscal_year", "=", input.fiscalYear)
      .executeTakeFirst();
    if (existing) return refused("exists", { existing });
    const now = nowIso();
    const figure = await tx
      .insertInto("supply_figures")
      .values({ id: newId(), ...figureValues(input), updated_by: actorId, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId,
      action: "supply_figure.create",
      entityType: "supply_figure",
      entityId: figure.id,
      after: figure,
      at: now,
    });
    return { ok: true, record: figure } as const;
  });
}

/** The material and year of a figure are its identity and are not edited; the numbers are. */
export async function updateSupplyFigure(
  db: DB,
  actorId: string,
  id: string,
  expectedVersion: number,
  input: Omit<SupplyFigureInput, "material" | "fiscalYear">,
): Promise<WriteResult<SupplyFigure>> {
  return versionedUpdate(db, {
    table: "supply_figures",
    id,
    actorId,
    expectedVersion,
    load: (tx) => tx.selectFrom("supply_figures").selectAll().where("id", "=", id).executeTakeFirst(),
    set: () => ({
      production_kg: input.production,
      production_basis: input.productionBasis,
      exports_kg: input.exports,
      reserve_kg: input.reserve,
      notes: input.notes ?? "",
      updated_by: actorId,
    }),
    action: "supply_figure.update",
    result: (row) => row,
  });
}

/**
 * Supply and demand per material and fiscal year: every pair with a supply figure or with
 * demand the user may see. Sums are computed in SQL over the visible requests.
 */
export async function supplyYears(db: DB, user: SessionUser, options: { fromFiscalYear?: string } = {}): Promise<SupplyYear[]> {
  const [figures, demand] = await Promise.all([
    listSupplyFigures(db),
    visibleDemandRequests(db, user)
      .select((eb) => [
        "r.material",
        "r.fiscal_year",
        eb.fn
          .coalesce(
            eb.fn.sum<number>(
              eb
                .case()
                .when("r.status", "in", [...ALLOCATED_STATUSES])
                .then(eb.ref("r.allocated_kg"))
                .else(eb.lit(0))
                .end(),
            ),
            eb.lit(0),
          )
          .as("approved_kg"),
        eb.fn
          .coalesce(
            eb.fn.sum<number>(
              eb
                .case()
                .when("r.status", "in", [...PENDING_STATUSES])
                .then(eb.ref("r.quantity_kg"))
                .else(eb.lit(0))
                .end(),
            ),
            eb.lit(0),
          )
          .as("pending_kg"),
      ])
      .groupBy(["r.material", "r.fiscal_year"])
      .execute(),
  ]);
  const byKey = new Map<string, SupplyYear>();
  const key = (m: string, fy: string) => `${m}|${fy}`;
  for (const f of figures) {
    byKey.set(key(f.material, f.fiscal_year), {
      material: f.material,
      fiscalYear: f.fiscal_year,
      productionKg: Number(f.production_kg),
      exportsKg: Number(f.exports_kg),
      reserveKg: Number(f.reserve_kg),
      approvedKg: 0,
      pendingKg: 0,
    });
  }
  for (const d of demand) {
    const k = key(d.material, d.fiscal_year);
    const year = byKey.get(k) ?? {
      material: d.material,
      fiscalYear: d.fiscal_year,
      productionKg: 0,
      exportsKg: 0,
      reserveKg: 0,
      approvedKg: 0,
      pendingKg: 0,
    };
    year.approvedKg = Number(d.approved_kg);
    year.pendingKg = Number(d.pending_kg);
    byKey.set(k, year);
  }
  const from = options.fromFiscalYear;
  return [...byKey.values()]
    .filter((y) => !from || compareFiscalYears(y.fiscalYear, from) >= 0)
    .sort((a, b) => materialOrder(a.material) - materialOrder(b.material) || compareFiscalYears(a.fiscalYear, b.fiscalYear));
}

export type ScenarioRow = SupplyScenario & { created_by_name: string };

export async function listScenarios(db: DB, user: SessionUser): Promise<ScenarioRow[]> {
  return visibleScenarios(db, user)
    .innerJoin("users as u", "u.id", "s.created_by")
    .selectAll("s")
    .select("u.display_name as created_by_name")
    .where("s.archived_at", "is", null)
    .orderBy("s.updated_at", "desc")
    .orderBy("s.id", "desc")
    .limit(200)
    .execute();
}

export async function getScenario(db: DB, user: SessionUser, id: string) {
  const scenario = await visibleScenarios(db, user)
    .innerJoin("users as u", "u.id", "s.created_by")
    .selectAll("s")
    .select("u.display_name as created_by_name")
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!scenario) return undefined;
  const cells = await db.selectFrom("supply_scenario_exports").selectAll().where("scenario_id", "=", id).execute();
  const schedule: ExportSchedule = {};
  for (const c of cells) (schedule[c.material] ??= {})[c.fiscal_year] = Number(c.exports_kg);
  return { scenario, schedule };
}

export interface ScenarioInput {
  name: string;
  description?: string | undefined;
  visibility: Visibility;
  exports: ExportSchedule;
}

function scheduleCells(scenarioId: string, schedule: ExportSchedule) {
  return Object.entries(schedule).flatMap(([material, years]) =>
    Object.entries(years).map(([fiscal_year, kg]) => ({
      scenario_id: scenarioId,
      material: material as Material,
      fiscal_year,
      exports_kg: kg,
    })),
  );
}

export async function createScenario(db: DB, actorId: string, input: ScenarioInput): Promise<SupplyScenario> {
  return db.transaction().execute(async (tx) => {
    const now = nowIso();
    const scenario = await tx
      .insertInto("supply_scenarios")
      .values({
        id: newId(),
        name: input.name,
        description: input.description ?? "",
        visibility: input.visibility,
        created_by: actorId,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const cells = scheduleCells(scenario.id, input.exports);
    if (cells.length > 0) await tx.insertInto("supply_scenario_exports").values(cells).execute();
    await recordAudit(tx, {
      actorId,
      action: "supply_scenario.create",
      entityType: "supply_scenario",
      entityId: scenario.id,
      after: { ...scenario, exports: input.exports },
      at: now,
    });
    return scenario;
  });
}

/** Updates a scenario's name and schedule; cells are upserted, never deleted. */
export async function updateScenario(
  db: DB,
  actorId: string,
  id: string,
  expectedVersion: number,
  input: ScenarioInput,
): Promise<WriteResult<SupplyScenario>> {
  return versionedUpdate(db, {
    ...scenarioRecord(id),
    actorId,
    expectedVersion,
    set: () => ({ name: input.name, description: input.description ?? "", visibility: input.visibility }),
    alongside: async (tx) => {
      const cells = scheduleCells(id, input.exports);
      if (cells.length === 0) return;
      await tx
        .insertInto("supply_scenario_exports")
        .values(cells)
        .onConflict((oc) =>
          oc
            .columns(["scenario_id", "material", "fiscal_year"])
            .doUpdateSet((eb) => ({ exports_kg: eb.ref("excluded.exports_kg") })),
        )
        .execute();
    },
    action: "supply_scenario.update",
  });
}

export async function setScenarioArchived(
  db: DB,
  actorId: string,
  id: string,
  expectedVersion: number,
): Promise<WriteResult<SupplyScenario>> {
  return versionedUpdate(db, {
    ...scenarioRecord(id),
    actorId,
    expectedVersion,
    set: (_, now) => ({ archived_at: now }),
    action: "supply_scenario.archive",
    // The archive event keeps the scenario row alone, as it always has.
    auditView: ({ exports: _exports, ...scenario }) => scenario,
  });
}

/** A scenario as the audit log keeps it: the row and its export cells. */
function scenarioRecord(id: string) {
  return {
    table: "supply_scenarios" as const,
    id,
    load: async (tx: Tx) => {
      const scenario = await tx.selectFrom("supply_scenarios").selectAll().where("id", "=", id).executeTakeFirst();
      if (!scenario) return undefined;
      const exports = await tx.selectFrom("supply_scenario_exports").selectAll().where("scenario_id", "=", id).execute();
      return { ...scenario, exports };
    },
    result: ({ exports: _exports, ...scenario }: SupplyScenario & { exports: unknown }): SupplyScenario => scenario,
  };
}

/**
 * What a what-if works on: supply and demand from the current fiscal year on, and the grid of
 * materials that have committed exports in those years (the others have none to phase down).
 */
export async function scenarioBase(db: DB, user: SessionUser, currentFiscalYear: string) {
  const base = await supplyYears(db, user, { fromFiscalYear: currentFiscalYear });
  const years = [...new Set(base.map((y) => y.fiscalYear))].sort(compareFiscalYears);
  const materials = MATERIALS.filter((m) => base.some((y) => y.material === m && y.exportsKg > 0));
  const committed: ExportSchedule = {};
  for (const y of base)
    if (materials.includes(y.material as Material)) (committed[y.material] ??= {})[y.fiscalYear] = y.exportsKg;
  return { base, years, materials: materials as string[], committed };
}
