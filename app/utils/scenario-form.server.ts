/**
 * The responses of the scenario editor's two intents, shared by the new-scenario and scenario
 * routes: HTTP glue, so it lives beside the other response helpers rather than in a model.
 */
import { data } from "@remix-run/node";

import { cellsFrom } from "~/models/scenario-cells";
import { scenarioSchema, scheduleSchema } from "~/schemas/demand";
import { failure, formDataToObject, parseForm } from "~/utils/forms";

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
      ...failure(
        {},
        values,
        "Someone else saved this scenario while you were editing. Your grid is kept: compare it with the saved version, then save again.",
      ),
    },
    { status: 409 },
  );
}
