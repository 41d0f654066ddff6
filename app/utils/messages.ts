/**
 * Words for the codes the models return. Models say what happened as data (an audit action, a
 * risk reason with its dates, a changed field); this module is the one place that turns those
 * codes into English, so a second language replaces these tables (backed by catalogs) without
 * touching a model. Enum labels (statuses, roles, levels) are in the label modules beside it.
 */
import type { ActivityKindCode, ActivitySubject } from "~/models/activity";
import type { RiskReason } from "~/models/milestone-rules";
import { materialLabel } from "~/utils/demand-labels";

const ACTION_WORDS: Record<string, string> = {
  create: "created",
  update: "updated",
  archive: "archived",
  restore: "restored",
  "status change": "changed status",
  comment: "commented",
  review: "taken under review",
  decide: "decided",
  redecide: "decision changed",
  withdraw: "withdrawn",
  "link consultation": "linked to a consultation",
  "unlink consultation": "unlinked from a consultation",
  "link issues": "linked to negotiation issues",
  progress: "progress reported",
  record: "position recorded",
  propose: "amendment proposed",
  respond: "concurrence given",
  table: "tabled",
  status: "status changed",
  "record red line": "red line recorded",
};

/** Words for an audit action, e.g. `consultation.update` → "updated"; an unknown verb reads as itself. */
export function describeAction(action: string): string {
  const verb = action.split(".").slice(1).join(" ").replaceAll("_", " ");
  return ACTION_WORDS[verb] ?? verb;
}

export const ACTIVITY_KIND_LABELS: Record<ActivityKindCode, string> = {
  consultation: "Consultations",
  issue: "Issues",
  position: "Positions",
  demand: "Demand",
  milestone: "Milestones",
};

export function activitySubjectText(subject: ActivitySubject): string {
  switch (subject.kind) {
    case "titled":
      return subject.title;
    case "position":
      return `${subject.party} on ${subject.issue}`;
    case "demand":
      return `${subject.requester}: ${materialLabel(subject.material)}, ${subject.fiscalYear}`;
  }
}

/** One reason a milestone is late or threatened, in words (lower case: callers join or capitalise). */
export function riskReasonText(reason: RiskReason): string {
  switch (reason.code) {
    case "late":
      return `due ${reason.dueDate} and not done: ${reason.daysLate} days late`;
    case "dependency_due_after":
      return `depends on '${reason.dependency}', due ${reason.dependencyDueDate}, after this milestone's ${reason.dueDate}${reason.dependencyLate ? `; '${reason.dependency}' is late` : ""}`;
    case "dependency_late":
      return `depends on '${reason.dependency}', due ${reason.dependencyDueDate}, which is late`;
    case "dependency_threatened":
      return `depends on '${reason.dependency}', which is itself threatened`;
  }
}

export function riskReasonsText(reasons: readonly RiskReason[]): string {
  return reasons.map(riskReasonText).join("; ");
}

/** Names of the consultation fields its change history tracks, by stored field. */
export const CONSULTATION_FIELD_LABELS: Record<string, string> = {
  title: "Title",
  starts_at: "Date and time",
  time_zone: "Time zone",
  mode: "Mode",
  kind: "Kind",
  location: "Location",
  agenda: "Agenda",
  notes: "Notes",
  outcome: "Outcome",
  visibility: "Visibility",
  archived_at: "Archived",
  participants: "Participants",
  actions: "Follow-up actions",
  status: "Status",
  // The follow-up action an event marked done.
  action: "Action",
};

const HISTORY_EVENT_LABELS: Record<string, string> = {
  "consultation.create": "Recorded the consultation",
  "consultation.update": "Edited",
  "consultation.archive": "Archived",
  "consultation.restore": "Restored",
  "follow_up.complete": "Marked an action done",
};

export function historyEventLabel(action: string): string {
  return HISTORY_EVENT_LABELS[action] ?? action;
}

export function historyFieldLabel(field: string): string {
  return CONSULTATION_FIELD_LABELS[field] ?? field;
}

/** The "after" of a follow-up action marked done, which stores no text of its own. */
export const MARKED_DONE = "marked done";

/** Words for the refusals of the agreement model, by the field they belong beside. */
export const AGREEMENT_REFUSALS: Record<string, { field?: string; message: string }> = {
  not_your_organization: { field: "organizationId", message: "You may not propose wording for that organization." },
  unknown_organization: { field: "organizationId", message: "Choose an organization from the list." },
  shared_before_tabling: { field: "visibility", message: "India's proposals are shared only by tabling, after concurrence: choose internal or restricted." },
  level_not_allowed: { field: "visibility", message: "You may not give a proposal that level." },
  unchanged_text: { field: "proposedText", message: "The proposed wording is the same as the current text." },
  clause_archived: { message: "This clause is archived." },
  not_requested: { field: "response", message: "Your organization's concurrence was not asked for on this proposal: a ministry answers only for itself." },
  already_answered: { field: "response", message: "Your organization has already answered on this proposal." },
  already_tabled: { message: "This proposal is already on the table." },
  comment_required: { field: "comment", message: "Give your comments or the reasons for the objection." },
  not_in_concurrence: { message: "Only India's proposals are tabled after concurrence." },
  concurrence_incomplete: { message: "Every named ministry must concur before the proposal is tabled." },
  restricted_fallback: { message: "A restricted fall-back is never tabled." },
};
