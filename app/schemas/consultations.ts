import * as z from "zod";

import { formatInteger } from "~/utils/format";
import { manyOf, normaliseText, optionalText, requiredText, textCheck, versionField } from "~/utils/forms";
import { isKnownTimeZone, zonedLocalToUtc } from "~/utils/time";
import { ACTION_STATUSES, CONSULTATION_KINDS, CONSULTATION_MODES, VISIBILITIES } from "~db/schema";

export const LIMITS = {
  title: 200,
  location: 200,
  agenda: 20_000,
  notes: 100_000,
  outcome: 20_000,
  actionDescription: 1_000,
  comment: 10_000,
} as const;

const longText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? normaliseText(v, "multiLine") : ""),
    z
      .string()
      .max(max, `${label} must be at most ${formatInteger(max)} characters.`)
      .superRefine(textCheck(label, "multiLine")),
  );

const followUpSchema = z.object({
  id: optionalText(64),
  description: requiredText(LIMITS.actionDescription, "The action's description"),
  ownerOrganizationId: z
    .string({ error: "Choose the organization that owns this action." })
    .min(1, "Choose the organization that owns this action."),
  dueDate: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date("Use a date like 2026-12-31.").optional()),
  status: z.enum(ACTION_STATUSES, { error: "Choose open, done or dropped." }).default("open"),
});

/** Rows of the action table left completely blank are not actions: the form always offers spare rows. */
function withoutBlankRows(value: unknown): unknown {
  if (value === undefined || value === "" || value === false) return [];
  const rows = Array.isArray(value) ? value : typeof value === "object" && value !== null ? Object.values(value) : [value];
  return rows.filter((row) => {
    if (!row || typeof row !== "object") return false;
    const r = row as Record<string, unknown>;
    const filled = (k: string) => typeof r[k] === "string" && (r[k] as string).trim() !== "";
    return filled("id") || filled("description") || filled("ownerOrganizationId") || filled("dueDate");
  });
}

const fields = {
  title: requiredText(LIMITS.title, "Title"),
  startsLocal: z.string({ error: "Enter the date and time." }).trim().min(1, "Enter the date and time."),
  timeZone: z
    .string({ error: "Choose the time zone the time was given in." })
    .refine(isKnownTimeZone, "Choose a time zone from the list."),
  mode: z.enum(CONSULTATION_MODES, { error: "Choose how the consultation was held." }),
  kind: z.enum(CONSULTATION_KINDS, { error: "Choose the kind of consultation." }),
  location: optionalText(LIMITS.location, "Location"),
  participants: z.preprocess(
    (v) => (v === false || v === null ? [] : v),
    manyOf(z.string().min(1)).pipe(z.array(z.string()).min(1, "Choose at least one participating organization.")),
  ),
  agenda: longText(LIMITS.agenda, "The agenda"),
  notes: longText(LIMITS.notes, "Notes"),
  outcome: longText(LIMITS.outcome, "The outcome"),
  visibility: z.enum(VISIBILITIES, { error: "Choose shared, internal or restricted." }),
  actions: z.preprocess(withoutBlankRows, z.array(followUpSchema).max(50, "At most 50 follow-up actions.")),
};

function checkTime<T extends { startsLocal: string; timeZone: string }>(value: T, ctx: z.RefinementCtx) {
  if (isKnownTimeZone(value.timeZone) && zonedLocalToUtc(value.startsLocal, value.timeZone) === null) {
    ctx.addIssue({ code: "custom", path: ["startsLocal"], message: "Enter a real date and time, like 2026-03-14 10:30." });
  }
}

export const consultationSchema = z.object({ ...fields, submissionKey: z.string().max(64).optional() }).superRefine(checkTime);

export const consultationEditSchema = z.object({ ...fields, version: versionField }).superRefine(checkTime);

export type ConsultationForm = z.output<typeof consultationSchema>;
export type FollowUpForm = z.output<typeof followUpSchema>;

export const consultationFilterSchema = z.object({
  org: z.string().max(64).optional(),
  kind: z.enum(CONSULTATION_KINDS).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  from: z.iso.date("Use a date like 2026-01-31.").optional(),
  to: z.iso.date("Use a date like 2026-01-31.").optional(),
  archived: z.enum(["exclude", "include", "only"]).optional(),
  tag: z.string().max(64).optional(),
  // Search words are never an error: an over-long query is cut, not refused.
  q: z
    .string()
    .transform((v) => v.slice(0, 200))
    .optional(),
});
export type ConsultationFilter = z.output<typeof consultationFilterSchema>;

export const commentSchema = z.object({
  body: requiredText(LIMITS.comment, "Comment", "multiLine"),
  visibility: z.enum(VISIBILITIES, { error: "Choose who may read the comment." }),
});

export const actionsFilterSchema = z.object({
  owner: z.string().max(64).optional(),
  status: z.enum(["open", "all"]).optional(),
});
