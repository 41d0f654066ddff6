import * as z from "zod";

import { requiredText, versionField } from "~/utils/forms";

export const MINUTES_MAX = 50_000;

const number = z.coerce.number({ error: "The form is missing the version it answers; reload the page." }).int().min(1);

/** The drafter's working text. */
export const minutesDraftSchema = z.object({
  body: requiredText(MINUTES_MAX, "The text of the minutes", "multiLine"),
  version: versionField,
});

/** Circulate the draft, or start a correction of agreed minutes: acts on the version the drafter saw. */
export const minutesStepSchema = z.object({ version: versionField });

/** An organization confirms the version it read. */
export const minutesConfirmSchema = z.object({ number });

export const amendmentSchema = z.object({
  number,
  paragraph: z.coerce
    .number({ error: "Choose the paragraph to amend." })
    .int("Choose the paragraph to amend.")
    .min(1, "Choose the paragraph to amend."),
  proposedText: requiredText(10_000, "The proposed wording", "multiLine"),
  reason: requiredText(2_000, "The reason", "multiLine"),
});
export type AmendmentForm = z.infer<typeof amendmentSchema>;

export const amendmentDecisionSchema = z.object({
  amendmentId: z.string().min(1),
  amendmentVersion: versionField,
  decision: z.enum(["accept", "reject"], { error: "Accept or reject the amendment." }),
});
