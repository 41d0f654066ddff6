import { useTranslation } from "react-i18next";

import type { RiskLevel } from "~/models/milestone-rules";
import type { MilestoneStatus } from "~db/schema";

const STATUS_TONE: Record<MilestoneStatus, string> = {
  planned: "badge--muted",
  in_progress: "badge--info",
  done: "badge--ok",
  at_risk: "badge--warn",
  blocked: "badge--danger",
};

export function StatusBadge({ status }: { status: MilestoneStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${STATUS_TONE[status]}`}>{t(`labels:milestoneStatus.${status}`)}</span>;
}

// A symbol as well as a colour, so the risk reads in greyscale print and without colour vision.
const RISK_MARK: Record<RiskLevel, string> = { late: "!", threatened: "▲", on_track: "", done: "✓" };
const RISK_TONE: Record<RiskLevel, string> = {
  late: "badge--danger",
  threatened: "badge--warn",
  on_track: "badge--ok",
  done: "badge--muted",
};

export function RiskBadge({ level }: { level: RiskLevel }) {
  const mark = RISK_MARK[level];
  const { t } = useTranslation();
  return (
    <span className={`badge ${RISK_TONE[level]} risk risk--${level}`}>
      {mark ? (
        <span className="risk__mark" aria-hidden="true">
          {mark}
        </span>
      ) : null}
      {t(`labels:milestoneRisk.${level}`)}
    </span>
  );
}
