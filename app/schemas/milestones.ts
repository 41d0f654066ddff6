import * as z from "zod";

import { todayInIndia } from "~/utils/clock";
import { manyOf, optionalText, requiredText, versionField } from "~/utils/forms";
import { MILESTONE_CATEGORIES, MILESTONE_STATUSES, VISIBILITIES } from "~db/schema";

const date = (label: string) => z.iso.date(`${label} must be a date like 2026-03-31.`);

const optionalDate = (label: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), date(label).optional());

/** Status and completion date go together: done needs a date, a date needs done, never the future. */
function checkCompletion(value: { status: string; completedOn?: string | undefined }, ctx: z.RefinementCtx) {
  if (value.status === "done" && !value.completedOn) {
    ctx.addIssue({ code: "custom", path: ["completedOn"], message: "A milestone marked done needs its completion date." });
  }
  if (value.status !== "done" && value.completedOn) {
    ctx.addIssue({ code: "custom", path: ["completedOn"], message: "Give a completion date only when the status is Done." });
  }
  if (value.completedOn && value.completedOn > todayInIndia()) {
    ctx.addIssue({ code: "custom", path: ["completedOn"], message: "The completion date cannot be in the future." });
  }
}

const status = z.enum(MILESTONE_STATUSES, { error: "Choose a status." });

const milestoneFields = z.object({
  title: requiredText(200, "Title"),
  description: optionalText(4000, "Description", "multiLine"),
  category: z.enum(MILESTONE_CATEGORIES, { error: "Choose a category." }),
  ownerOrganizationId: z.string({ error: "Choose the owner organization." }).min(1, "Choose the owner organization."),
  dueDate: z.string({ error: "Enter the due date." }).trim().min(1, "Enter the due date.").pipe(date("The due date")),
  status,
  completedOn: optionalDate("The completion date"),
  progressNote: optionalText(2000, "The progress note", "multiLine"),
  dependsOn: manyOf(z.string().min(1)),
  partyOrganizationIds: manyOf(z.string().min(1)),
  issueIds: manyOf(z.string().min(1)),
  visibility: z.enum(VISIBILITIES, { error: "Choose who may see this milestone." }),
});

export const milestoneSchema = milestoneFields.superRefine(checkCompletion);

export const milestoneEditSchema = milestoneFields.extend({ version: versionField }).superRefine(checkCompletion);

const progressFields = z.object({
  status,
  completedOn: optionalDate("The completion date"),
  progressNote: optionalText(2000, "The progress note", "multiLine"),
});

/** What the owner organization may change: status, progress note and completion. */
export const milestoneProgressFormSchema = progressFields.superRefine(checkCompletion);
export const milestoneProgressSchema = progressFields.extend({ version: versionField }).superRefine(checkCompletion);

export const RISK_FILTERS = ["late", "threatened", "on_track", "done"] as const;

export const milestoneFilterSchema = z.object({
  category: z.enum(MILESTONE_CATEGORIES).optional(),
  owner: z.string().max(64).optional(),
  status: z.enum(MILESTONE_STATUSES).optional(),
  risk: z.enum(RISK_FILTERS).optional(),
  tag: z.string().max(64).optional(),
});

export const TIMELINE_ZOOMS = ["quarters", "halves", "years"] as const;
export type TimelineZoom = (typeof TIMELINE_ZOOMS)[number];
