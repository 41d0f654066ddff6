/**
 * The responses of the scenario editor's two intents, shared by the new-scenario and scenario
 * routes: HTTP glue, so it lives beside the other response helpers rather than in a model.
 */
import { data } from "@remix-run/node";

import { cellsFrom } from "~/models/scenario-cells";
import { scenarioSchema, scheduleSchema } from "~/schemas/demand";
import { failure, formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import type { Visibility } from "~db/schema";

/** "Recalculate": checks the grid and hands it back; nothing is stored. */
export function previewResponse(formData: FormData) {
  const parsed = parseForm(scheduleSchema, formData);
  const values = formDataToObject(formData, scheduleSchema);
  const cells = cellsFrom(values);
  if (!parsed.ok) return data({ intent: "preview" as const, cells, ...parsed, values }, { status: 400 });
  return data({ intent: "preview" as const, cells, ok: true as const, fieldErrors: {}, values });
}

/** A refused save: the messages, the grid handed back as it was posted, and a 4xx (400 unless told). */
export function saveRefused(fieldErrors: FieldErrors, values: Record<string, unknown>, formError?: string, status = 400) {
  return data({ intent: "save" as const, cells: cellsFrom(values), ...failure(fieldErrors, values, formError) }, { status });
}

/** "Save": the scenario as posted, at a level among those the user may give, or the 400 to return. */
export function parseScenario(formData: FormData, visibilities: readonly Visibility[]) {
  const parsed = parseForm(scenarioSchema, formData);
  const values = formDataToObject(formData, scenarioSchema);
  const cells = cellsFrom(values);
  if (!parsed.ok) return { ok: false as const, response: data({ intent: "save" as const, cells, ...parsed }, { status: 400 }) };
  if (!visibilities.includes(parsed.data.visibility))
    return { ok: false as const, response: saveRefused({ visibility: "Choose a level you may see." }, values) };
  return { ok: true as const, data: parsed.data, cells, values };
}

export function conflictResponse(values: Record<string, unknown>) {
  return saveRefused(
    {},
    values,
    "Someone else saved this scenario while you were editing. Your grid is kept: compare it with the saved version, then save again.",
    409,
  );
}
