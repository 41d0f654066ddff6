/**
 * The what-if grid as text: one cell per material and fiscal year, as typed. Shared by the editor
 * (which recalculates in the browser) and the actions (which echo a refused grid back).
 */
import type { ExportSchedule } from "~/models/supply-balance";
import { tonnesInput } from "~/utils/tonnes";

export type CellText = Record<string, Record<string, string>>;

export function scheduleText(schedule: ExportSchedule, materials: readonly string[], years: readonly string[]): CellText {
  const out: CellText = {};
  for (const m of materials) {
    out[m] = {};
    for (const fy of years) out[m]![fy] = tonnesInput(schedule[m]?.[fy] ?? 0);
  }
  return out;
}

/** The grid as typed, for echoing back into the inputs. */
export function cellsFrom(values: Record<string, unknown>): CellText | undefined {
  const exports = values.exports;
  if (!exports || typeof exports !== "object") return undefined;
  const out: CellText = {};
  for (const [m, years] of Object.entries(exports as Record<string, unknown>)) {
    if (!years || typeof years !== "object") continue;
    out[m] = {};
    for (const [fy, v] of Object.entries(years as Record<string, unknown>)) out[m]![fy] = typeof v === "string" ? v : "";
  }
  return out;
}

/** The cells a new or saved scenario opens with: the committed exports, overlaid by the saved ones. */
export function initialCells(materials: string[], years: string[], committed: ExportSchedule, saved?: ExportSchedule): CellText {
  const merged: ExportSchedule = {};
  for (const m of materials) merged[m] = { ...committed[m], ...saved?.[m] };
  return scheduleText(merged, materials, years);
}
