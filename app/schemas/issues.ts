import * as z from "zod";

import { SCHEDULE_ROWS } from "~/schemas/schedule";
import { todayInIndia } from "~/utils/clock";
import { checkbox, manyOf, optionalText, requiredText, versionField } from "~/utils/forms";
import { FLEXIBILITIES, ISSUE_PRIORITIES, ISSUE_STATUSES, RISK_LEVELS, STANCES, VISIBILITIES } from "~db/schema";

export const issueSchema = z.object({
  title: requiredText(200, "Title"),
  description: optionalText(5000, "Description", "multiLine"),
  status: z.enum(ISSUE_STATUSES, { error: "Choose a status from the list." }),
  priority: z.enum(ISSUE_PRIORITIES, { error: "Choose a priority from the list." }),
  visibility: z.enum(VISIBILITIES, { error: "Choose who may see this issue." }),
  parties: manyOf(z.string().min(1)).pipe(z.array(z.string()).min(1, "Choose at least one party.")),
});

export const issueEditSchema = issueSchema.extend({ version: versionField });

const calendarDate = z.iso.date("Use a date like 2026-01-31.");

export const positionSchema = z.object({
  organizationId: z
    .string({ error: "Choose the party whose position this is." })
    .min(1, "Choose the party whose position this is."),
  stance: z.enum(STANCES, { error: "Choose a stance from the list." }),
  statement: requiredText(4000, "Statement", "multiLine"),
  desiredOutcome: optionalText(2000, "Desired outcome", "multiLine"),
  flexibility: z.enum(FLEXIBILITIES, { error: "Choose a flexibility from the list." }),
  statedOn: calendarDate.refine((d) => d <= todayInIndia(), "A position cannot be dated in the future."),
  sourceConsultationId: optionalText(64, "Source consultation"),
  visibility: z.enum(VISIBILITIES, { error: "Choose who may see this position." }),
  redLine: checkbox,
  // The tonnage schedule's rows, as typed: the model checks material, year and tonnes.
  ...scheduleFields(),
});

function scheduleFields() {
  const cell = z.string().max(40, "Use the lists and a number of tonnes.").optional();
  const fields: Record<string, typeof cell> = {};
  for (let n = 0; n < SCHEDULE_ROWS; n++) {
    fields[`schedule${n}Material`] = cell;
    fields[`schedule${n}Year`] = cell;
    fields[`schedule${n}Tonnes`] = cell;
  }
  return fields as Record<`schedule${0 | 1 | 2}${"Material" | "Year" | "Tonnes"}`, typeof cell>;
}

export const assessmentSchema = z.object({
  assessedOn: calendarDate.refine((d) => d <= todayInIndia(), "An assessment cannot be dated in the future."),
  risk: z.enum(RISK_LEVELS, { error: "Choose a risk level from the list." }),
  summary: requiredText(4000, "Assessment", "multiLine"),
  recommendation: requiredText(2000, "Recommendation", "multiLine"),
  // A diplomatic assessment is the Indian side's analysis: never shared with counterparts.
  visibility: z.enum(["internal", "restricted"], { error: "Choose internal or restricted." }),
});

export const linkConsultationSchema = z.object({
  consultationId: z.string({ error: "Choose a consultation." }).min(1, "Choose a consultation."),
});

export const linkIssueSchema = z.object({
  issueId: z.string({ error: "Choose an issue." }).min(1, "Choose an issue."),
});

export const matrixQuerySchema = z.object({
  asOf: calendarDate.optional(),
});
