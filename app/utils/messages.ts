/**
 * Words for the codes the models return. Models say what happened as data (an audit action, a
 * risk reason with its dates, a changed field); this module is the one place that turns those
 * codes into English, so a second language replaces these tables (backed by catalogs) without
 * touching a model. Enum labels (statuses, roles, levels) are in the label modules beside it.
 */
import type { ActivityKindCode, ActivitySubject } from "~/models/activity";
import type { RiskReason } from "~/models/milestone-rules";
import { materialLabel } from "~/utils/demand-labels";

/**
 * A translation function (react-i18next's `t` in pages, `fixedT` on the server). With one, each
 * function below reads the reader's language from the catalogs (`labels` namespace); without,
 * it gives the English of these tables. `.map(fn)` passes an index second: only a function counts.
 */
export type Words = (key: string, options?: Record<string, unknown>) => string;
const words = (t: unknown): Words | undefined => (typeof t === "function" ? (t as Words) : undefined);

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
  circulate: "circulated",
  confirm: "confirmed",
  agree: "confirmed: agreed by every organization",
  "propose amendment": "amendment proposed",
  "accept amendment": "amendment accepted",
  "reject amendment": "amendment rejected",
  "start correction": "correction started",
};

/** Words for an audit action, e.g. `consultation.update` → "updated"; an unknown verb reads as itself. */
export function describeAction(action: string, t?: unknown): string {
  const verb = action.split(".").slice(1).join(" ").replaceAll("_", " ");
  const english = ACTION_WORDS[verb] ?? verb;
  const tr = words(t);
  return tr && ACTION_WORDS[verb] ? tr(`labels:activityAction.${verb.replaceAll(" ", "_")}`, { defaultValue: english }) : english;
}

export const ACTIVITY_KIND_LABELS: Record<ActivityKindCode, string> = {
  consultation: "Consultations",
  issue: "Issues",
  position: "Positions",
  demand: "Demand",
  milestone: "Milestones",
  minutes: "Minutes",
  clause: "Agreement clauses",
  amendment: "Proposed amendments",
};

export function activitySubjectText(subject: ActivitySubject, t?: unknown): string {
  const tr = words(t);
  switch (subject.kind) {
    case "titled":
      return subject.title;
    case "minutes":
      return tr
        ? tr("labels:activitySubject.minutes", { consultation: subject.consultation })
        : `Minutes of ${subject.consultation}`;
    case "position":
      return tr
        ? tr("labels:activitySubject.position", { party: subject.party, issue: subject.issue })
        : `${subject.party} on ${subject.issue}`;
    case "amendment":
      return tr
        ? tr("labels:activitySubject.amendment", { party: subject.party, clause: subject.clause })
        : `${subject.party} on ${subject.clause}`;
    case "demand": {
      const material = tr
        ? tr(`labels:material.${subject.material}`, { defaultValue: subject.material })
        : materialLabel(subject.material);
      return tr
        ? tr("labels:activitySubject.demand", { requester: subject.requester, material, year: subject.fiscalYear })
        : `${subject.requester}: ${material}, ${subject.fiscalYear}`;
    }
  }
}

/** One reason a milestone is late or threatened, in words (lower case: callers join or capitalise). */
export function riskReasonText(reason: RiskReason, t?: unknown): string {
  const tr = words(t);
  if (tr) {
    switch (reason.code) {
      case "late":
        return tr("labels:riskReason.late", { dueDate: reason.dueDate, count: reason.daysLate });
      case "dependency_due_after":
        return (
          tr("labels:riskReason.dependencyDueAfter", {
            dependency: reason.dependency,
            dependencyDueDate: reason.dependencyDueDate,
            dueDate: reason.dueDate,
          }) + (reason.dependencyLate ? tr("labels:riskReason.dependencyAlsoLate", { dependency: reason.dependency }) : "")
        );
      case "dependency_late":
        return tr("labels:riskReason.dependencyLate", {
          dependency: reason.dependency,
          dependencyDueDate: reason.dependencyDueDate,
        });
      case "dependency_threatened":
        return tr("labels:riskReason.dependencyThreatened", { dependency: reason.dependency });
    }
  }
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

export function riskReasonsText(reasons: readonly RiskReason[], t?: unknown): string {
  const tr = words(t);
  return reasons.map((r) => riskReasonText(r, tr)).join(tr ? tr("labels:riskReason.separator") : "; ");
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

export function historyEventLabel(action: string, t?: unknown): string {
  const english = HISTORY_EVENT_LABELS[action] ?? action;
  const tr = words(t);
  return tr && HISTORY_EVENT_LABELS[action]
    ? tr(`labels:historyEvent.${action.replace(".", "_")}`, { defaultValue: english })
    : english;
}

export function historyFieldLabel(field: string, t?: unknown): string {
  const english = CONSULTATION_FIELD_LABELS[field] ?? field;
  const tr = words(t);
  return tr && CONSULTATION_FIELD_LABELS[field] ? tr(`labels:historyField.${field}`, { defaultValue: english }) : english;
}

/** The "after" of a follow-up action marked done, which stores no text of its own. */
export const MARKED_DONE = "marked done";

/** Words for the refusals of the agreement model, by the field they belong beside. */
export const AGREEMENT_REFUSALS: Record<string, { field?: string; message: string }> = {
  not_your_organization: { field: "organizationId", message: "You may not propose wording for that organization." },
  unknown_organization: { field: "organizationId", message: "Choose an organization from the list." },
  shared_before_tabling: {
    field: "visibility",
    message: "India's proposals are shared only by tabling, after concurrence: choose internal or restricted.",
  },
  level_not_allowed: { field: "visibility", message: "You may not give a proposal that level." },
  unchanged_text: { field: "proposedText", message: "The proposed wording is the same as the current text." },
  clause_archived: { message: "This clause is archived." },
  not_requested: {
    field: "response",
    message: "Your organization's concurrence was not asked for on this proposal: a ministry answers only for itself.",
  },
  already_answered: { field: "response", message: "Your organization has already answered on this proposal." },
  already_tabled: { message: "This proposal is already on the table." },
  comment_required: { field: "comment", message: "Give your comments or the reasons for the objection." },
  not_in_concurrence: { message: "Only India's proposals are tabled after concurrence." },
  concurrence_incomplete: { message: "Every named ministry must concur before the proposal is tabled." },
  restricted_fallback: { message: "A restricted fall-back is never tabled." },
};

/** Words for the refusals on India's positions in concurrence, by the field they belong beside. */
export const POSITION_REFUSALS: Record<string, { field?: string; message: string }> = {
  for_another_organization: { field: "response", message: "A ministry answers only for itself, never for another organization." },
  not_requested: { field: "response", message: "Your organization's concurrence was not asked for on this position." },
  already_answered: { field: "response", message: "Your organization has already answered on this position." },
  already_tabled: { field: "response", message: "This position is already on the table." },
  comment_required: { field: "comment", message: "Give your comments or the reasons for the objection." },
  not_in_concurrence: { message: "Only India's positions for the table are tabled after concurrence." },
  concurrence_incomplete: { message: "Every named ministry must concur before the position is tabled." },
  restricted_fallback: { message: "A restricted position is never tabled." },
  no_schedule: { message: "This position has no tonnage schedule." },
};
