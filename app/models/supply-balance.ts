/**
 * The supply balance and the phase-down what-if, as pure functions over integer kilograms.
 * Shared by the server (pages, CSV) and the browser (the what-if recomputes as the official
 * types), so both always agree.
 *
 * For one material and fiscal year:
 *   available = production − committed exports − reserve
 *   balance   = available − approved allocations       (negative: a shortfall)
 *   after pending = balance − pending demand            (negative: pending cannot all be met)
 */

export interface SupplyYear {
  material: string;
  fiscalYear: string;
  productionKg: number;
  exportsKg: number;
  reserveKg: number;
  /** Allocated tonnes of approved and partially approved requests. */
  approvedKg: number;
  /** Requested tonnes of submitted and under-review requests. */
  pendingKg: number;
}

export interface BalanceRow extends SupplyYear {
  availableKg: number;
  balanceKg: number;
  afterPendingKg: number;
  shortfall: boolean;
  pendingShortfall: boolean;
  /** How much approved demand the available supply covers, and then how much pending. */
  approvedMetKg: number;
  pendingMetKg: number;
}

export function balanceOf(year: SupplyYear): BalanceRow {
  const availableKg = year.productionKg - year.exportsKg - year.reserveKg;
  const balanceKg = availableKg - year.approvedKg;
  const afterPendingKg = balanceKg - year.pendingKg;
  const approvedMetKg = Math.min(year.approvedKg, Math.max(0, availableKg));
  const pendingMetKg = Math.min(year.pendingKg, Math.max(0, balanceKg));
  return {
    ...year,
    availableKg,
    balanceKg,
    afterPendingKg,
    shortfall: balanceKg < 0,
    pendingShortfall: afterPendingKg < 0,
    approvedMetKg,
    pendingMetKg,
  };
}

export type Totals = Pick<
  BalanceRow,
  | "productionKg"
  | "exportsKg"
  | "reserveKg"
  | "approvedKg"
  | "pendingKg"
  | "availableKg"
  | "balanceKg"
  | "afterPendingKg"
  | "approvedMetKg"
  | "pendingMetKg"
>;

const TOTAL_KEYS = [
  "productionKg",
  "exportsKg",
  "reserveKg",
  "approvedKg",
  "pendingKg",
  "availableKg",
  "balanceKg",
  "afterPendingKg",
  "approvedMetKg",
  "pendingMetKg",
] as const;

/** Column sums of the rows, so a total shown is always the sum of the rows shown. */
export function totalsOf(rows: readonly BalanceRow[]): Totals {
  const totals = Object.fromEntries(TOTAL_KEYS.map((k) => [k, 0])) as Totals;
  for (const row of rows) for (const key of TOTAL_KEYS) totals[key] += row[key];
  return totals;
}

/** Rows grouped by a key, in first-seen order, with their totals. */
export function groupRows(rows: readonly BalanceRow[], key: "material" | "fiscalYear") {
  const groups = new Map<string, BalanceRow[]>();
  for (const row of rows) {
    const list = groups.get(row[key]) ?? [];
    list.push(row);
    groups.set(row[key], list);
  }
  return [...groups].map(([value, members]) => ({ value, rows: members, totals: totalsOf(members) }));
}

/** Committed exports per material and fiscal year: schedule[material][fiscalYear] = kg. */
export type ExportSchedule = Record<string, Record<string, number>>;

export function scheduleOf(years: readonly SupplyYear[]): ExportSchedule {
  const schedule: ExportSchedule = {};
  for (const y of years) (schedule[y.material] ??= {})[y.fiscalYear] = y.exportsKg;
  return schedule;
}

/**
 * The what-if: the same supply and demand with a different export schedule. Cells the schedule
 * does not mention keep their committed exports.
 */
export function applySchedule(years: readonly SupplyYear[], schedule: ExportSchedule): BalanceRow[] {
  return years.map((y) => balanceOf({ ...y, exportsKg: schedule[y.material]?.[y.fiscalYear] ?? y.exportsKg }));
}

export interface MaterialOutcome {
  material: string;
  totals: Totals;
  shortfallYears: string[];
}

/** Per material, over the years in view: how much of approved and pending demand can be met. */
export function outcomeByMaterial(rows: readonly BalanceRow[]): MaterialOutcome[] {
  return groupRows(rows, "material").map((g) => ({
    material: g.value,
    totals: g.totals,
    shortfallYears: g.rows.filter((r) => r.shortfall).map((r) => r.fiscalYear),
  }));
}
