/**
 * The negotiation brief: one dated document assembled from the same scoped queries as the pages
 * it summarises, read through a level cap so it holds only the levels the reader chose (each of
 * which the reader must be allowed to see). Bounded: one query per section, none per row.
 */
import { can, visibilityScope, withLevelCap, type SessionUser } from "~/models/access.server";
import { classificationOf } from "~/models/brief";
import { listConsultations } from "~/models/consultations.server";
import { convergenceOf, positionsAsOf, shiftDate, type Trend } from "~/models/convergence";
import { fiscalYearOf } from "~/models/fiscal-year";
import { listIssues, partiesOf } from "~/models/issues.server";
import type { RiskReason } from "~/models/milestone-rules";
import { milestoneWatch } from "~/models/milestones.server";
import { visiblePositionHistory } from "~/models/positions.server";
import { visibleAssessments } from "~/models/scopes.server";
import { balanceOf, type BalanceRow } from "~/models/supply-balance";
import { supplyYears } from "~/models/supply.server";
import { today, todayInIndia } from "~/utils/clock";
import type { DB } from "~/utils/db.server";
import type { Flexibility, IssueStatus, RiskLevel, Stance, Visibility } from "~db/schema";

export type BriefLevelsResult = { ok: true; levels: Visibility[] } | { ok: false; message: string };

/** The chosen levels, checked against what the user may see; none chosen means all allowed. */
export function allowedBriefLevels(user: SessionUser, chosen: Visibility[]): BriefLevelsResult {
  const allowed = visibilityScope(user).levels;
  const refused = chosen.filter((l) => !allowed.includes(l));
  if (refused.length > 0) return { ok: false, message: `You may not include ${refused.join(" or ")} material in a brief.` };
  return { ok: true, levels: chosen.length > 0 ? chosen : [...allowed] };
}

export const BRIEF_ISSUE_LIMIT = 40;
export const BRIEF_MILESTONE_LIMIT = 15;
export const BRIEF_MILESTONE_DAYS = 90;

export interface BriefIssue {
  id: string;
  title: string;
  status: IssueStatus;
  trend: Trend;
  spread: number | null;
  /** Each item carries its own level, for portion marking; a party without a position has none. */
  visibility: Visibility;
  positions: {
    party: string;
    stance: Stance | null;
    flexibility: Flexibility | null;
    statedOn: string | null;
    statement: string | null;
    visibility: Visibility | null;
  }[];
  assessment: BriefAssessment | null;
}

export interface BriefAssessment {
  assessedOn: string;
  risk: RiskLevel;
  summary: string;
  recommendation: string;
  visibility: Visibility;
}

export interface Brief {
  generatedAt: string;
  today: string;
  levels: Visibility[];
  classification: Visibility;
  issues: BriefIssue[];
  moreIssues: boolean;
  overall: BriefAssessment | null;
  /** Late, threatened, due within BRIEF_MILESTONE_DAYS and the next few; each kind capped. */
  milestones: {
    id: string;
    title: string;
    dueDate: string;
    status: string;
    risk: string;
    reason: RiskReason | null;
    visibility: Visibility;
  }[];
  moreMilestones: boolean;
  /** IREL's figures are internal records: the section is marked internal. */
  supply: { fiscalYear: string; rows: BalanceRow[]; visibility: Visibility } | null;
  consultations: { id: string; title: string; startsAt: string; outcome: string; visibility: Visibility }[];
}

export async function assembleBrief(db: DB, user: SessionUser, levels: Visibility[], now = today()): Promise<Brief> {
  const reader = withLevelCap(user, levels);
  const today = todayInIndia(now);
  const { rows: issues, next } = await listIssues(db, reader, {}, null, BRIEF_ISSUE_LIMIT);
  const ids = issues.map((i) => i.id);
  const fiscalYear = fiscalYearOf(now);
  const withSupply = levels.includes("internal") && can(user, "supply:read");
  const [parties, history, assessments, watch, consultations, supply] = await Promise.all([
    partiesOf(db, ids),
    visiblePositionHistory(db, reader, ids, today),
    visibleAssessments(db, reader)
      .select(["a.issue_id", "a.assessed_on", "a.risk", "a.summary", "a.recommendation", "a.visibility"])
      .orderBy("a.assessed_on", "desc")
      .orderBy("a.created_at", "desc")
      .limit(200)
      .execute(),
    milestoneWatch(db, reader, today, shiftDate(today, BRIEF_MILESTONE_DAYS), BRIEF_MILESTONE_LIMIT),
    listConsultations(db, reader, {}, null, 8),
    withSupply ? supplyYears(db, reader, { fromFiscalYear: fiscalYear }) : Promise.resolve(null),
  ]);

  const held = positionsAsOf(history, today);
  const contained: Visibility[] = [];
  const latestByIssue = new Map<string | null, (typeof assessments)[number]>();
  for (const a of assessments) if (!latestByIssue.has(a.issue_id)) latestByIssue.set(a.issue_id, a);
  const assessmentView = (a: (typeof assessments)[number] | undefined) => {
    if (!a) return null;
    contained.push(a.visibility);
    return {
      assessedOn: a.assessed_on,
      risk: a.risk,
      summary: a.summary,
      recommendation: a.recommendation,
      visibility: a.visibility,
    };
  };

  const briefIssues: BriefIssue[] = issues.map((issue) => {
    contained.push(issue.visibility);
    const issueParties = parties.filter((p) => p.issue_id === issue.id);
    const convergence = convergenceOf(
      history,
      issue.id,
      issueParties.map((p) => p.organization_id),
      today,
    );
    return {
      id: issue.id,
      title: issue.title,
      visibility: issue.visibility,
      status: issue.status,
      trend: convergence.trend,
      spread: convergence.now,
      positions: issueParties.map((party) => {
        const p = held.get(issue.id)?.get(party.organization_id);
        if (p) contained.push(p.visibility);
        return {
          party: party.short_name,
          stance: p?.stance ?? null,
          flexibility: p?.flexibility ?? null,
          statedOn: p?.statedOn ?? null,
          statement: p?.statement ?? null,
          visibility: p?.visibility ?? null,
        };
      }),
      assessment: assessmentView(latestByIssue.get(issue.id)),
    };
  });
  const overall = assessmentView(latestByIssue.get(null));

  // The milestones that need attention (late, threatened, due soon, then the next few), each list
  // capped, so the brief costs the same however many milestones the history holds.
  const picked = new Map<string, (typeof watch.late)[number]>();
  for (const m of [...watch.late, ...watch.threatened, ...watch.upcoming, ...watch.next]) picked.set(m.id, m);
  const milestones = [...picked.values()]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
    .map((m) => {
      contained.push(m.visibility);
      return m;
    });
  const moreMilestones =
    watch.lateTotal > watch.late.length ||
    watch.threatenedTotal > watch.threatened.length ||
    watch.upcomingTotal > watch.upcoming.length;

  const supplyRows = supply ? supply.filter((y) => y.fiscalYear === fiscalYear).map(balanceOf) : null;
  // IREL's supply figures are internal records.
  if (supplyRows && supplyRows.length > 0) contained.push("internal");

  contained.push(...consultations.rows.map((c) => c.visibility));
  const outcomes = new Map<string, string>();
  if (consultations.rows.length > 0) {
    const rows = await db
      .selectFrom("consultations")
      .select(["id", "outcome"])
      .where(
        "id",
        "in",
        consultations.rows.map((c) => c.id),
      )
      .execute();
    for (const r of rows) outcomes.set(r.id, r.outcome);
  }

  return {
    generatedAt: now.toISOString(),
    today,
    levels,
    classification: classificationOf(contained),
    issues: briefIssues,
    moreIssues: next !== null,
    overall,
    milestones,
    moreMilestones,
    supply: supplyRows ? { fiscalYear, rows: supplyRows, visibility: "internal" } : null,
    consultations: consultations.rows.map((c) => ({
      id: c.id,
      title: c.title,
      startsAt: c.starts_at,
      outcome: outcomes.get(c.id) ?? "",
      visibility: c.visibility,
    })),
  };
}
