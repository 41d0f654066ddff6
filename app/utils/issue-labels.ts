import type { Flexibility, IssuePriority, IssueStatus, RiskLevel, Stance } from "~db/schema";

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  open: "Open",
  converging: "Converging",
  agreed: "Agreed",
  deadlocked: "Deadlocked",
  withdrawn: "Withdrawn",
};

export const ISSUE_STATUS_BADGES: Record<IssueStatus, string> = {
  open: "badge",
  converging: "badge badge--ok",
  agreed: "badge badge--ok",
  deadlocked: "badge badge--danger",
  withdrawn: "badge badge--muted",
};

export const PRIORITY_LABELS: Record<IssuePriority, string> = { high: "High", medium: "Medium", low: "Low" };

export const STANCE_LABELS: Record<Stance, string> = {
  supports: "Supports",
  conditional: "Conditional",
  neutral: "Neutral",
  undecided: "Undecided",
  opposes: "Opposes",
};

export const FLEXIBILITY_LABELS: Record<Flexibility, string> = { firm: "Firm", negotiable: "Negotiable", open: "Open" };

export const RISK_LABELS: Record<RiskLevel, string> = { low: "Low risk", medium: "Medium risk", high: "High risk" };
export const RISK_BADGES: Record<RiskLevel, string> = {
  low: "badge badge--ok",
  medium: "badge badge--warn",
  high: "badge badge--danger",
};
