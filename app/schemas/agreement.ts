import * as z from "zod";

import { manyOf, optionalText, requiredText, versionField } from "~/utils/forms";
import { CLAUSE_STATUSES, CONCURRENCE_RESPONSES, VISIBILITIES } from "~db/schema";

export const amendmentSchema = z.object({
  organizationId: z.string({ error: "Choose the organization proposing it." }).min(1, "Choose the organization proposing it."),
  proposedText: requiredText(8000, "Proposed wording", "multiLine"),
  rationale: optionalText(4000, "Rationale", "multiLine"),
  visibility: z.enum(VISIBILITIES, { error: "Choose who may see this proposal." }),
  concurrenceOrganizationIds: manyOf(z.string().min(1)),
});

export const concurrenceSchema = z.object({
  amendmentId: z.string({ error: "Choose the proposal." }).min(1, "Choose the proposal."),
  response: z.enum(CONCURRENCE_RESPONSES, { error: "Choose concur, concur with comments or object." }),
  comment: optionalText(4000, "Comments or reasons", "multiLine"),
  // Comments and objections stay with the Indian side.
  visibility: z.enum(["internal", "restricted"], { error: "Choose internal or restricted." }),
});

export const tablingSchema = z.object({
  amendmentId: z.string({ error: "Choose the proposal." }).min(1, "Choose the proposal."),
});

export const clauseStatusSchema = z.object({
  status: z.enum(CLAUSE_STATUSES, { error: "Choose a status from the list." }),
  note: optionalText(2000, "Note", "multiLine"),
  version: versionField,
});

export const positionConcurrenceSchema = z.object({
  positionId: z.string({ error: "Choose the position." }).min(1, "Choose the position."),
  organizationId: optionalText(64, "Organization"),
  response: z.enum(CONCURRENCE_RESPONSES, { error: "Choose concur, concur with comments or object." }),
  comment: optionalText(4000, "Comments or reasons", "multiLine"),
  visibility: z.enum(["internal", "restricted"], { error: "Choose internal or restricted." }),
});

export const positionRefSchema = z.object({
  positionId: z.string({ error: "Choose the position." }).min(1, "Choose the position."),
});
