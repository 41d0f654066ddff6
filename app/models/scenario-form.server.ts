import { data } from "@remix-run/node";

import { scheduleText, type CellText } from "~/components/ScenarioEditor";
import { scenarioSchema, scheduleSchema } from "~/schemas/demand";
import { failure, formDataToObject, parseForm } from "~/utils/forms";
import type { ExportSchedule } from "~/utils/supply-balance";

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

/** "Recalculate": checks the grid and hands it back; nothing is stored. */
export function previewResponse(formData: FormData) {
  const parsed = parseForm(scheduleSchema, formData);
  const values = formDataToObject(formData, scheduleSchema);
  const cells = cellsFrom(values);
  if (!parsed.ok) return data({ intent: "preview" as const, cells, ...parsed, values }, { status: 400 });
  return data({ intent: "preview" as const, cells, ok: true as const, fieldErrors: {}, values });
}

export function parseScenario(formData: FormData) {
  const parsed = parseForm(scenarioSchema, formData);
  const values = formDataToObject(formData, scenarioSchema);
  const cells = cellsFrom(values);
  if (!parsed.ok) return { ok: false as const, response: data({ intent: "save" as const, cells, ...parsed }, { status: 400 }) };
  return { ok: true as const, data: parsed.data, cells, values };
}

export function conflictResponse(values: Record<string, unknown>) {
  return data(
    {
      intent: "save" as const,
      cells: cellsFrom(values),
      ...failure({}, values, "Someone else saved this scenario while you were editing. Your grid is kept: compare it with the saved version, then save again."),
    },
    { status: 409 },
  );
}

export function initialCells(materials: string[], years: string[], committed: ExportSchedule, saved?: ExportSchedule): CellText {
  const merged: ExportSchedule = {};
  for (const m of materials) merged[m] = { ...committed[m], ...saved?.[m] };
  return scheduleText(merged, materials, years);
}
