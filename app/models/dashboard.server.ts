/**
 * The home dashboard: where the negotiation stands, for the reader's role, in a bounded number
 * of queries (no query per row). Every figure comes from the same scoped queries as the list it
 * links to, so a count on the dashboard always equals the length of that list.
 */
import { can, isInternal, type SessionUser } from "~/models/access.server";
import { changesSinceLastVisit } from "~/models/activity.server";
import { awaitingConcurrence } from "~/models/clauses.server";
import { listConsultations, listFollowUpActions } from "~/models/consultations.server";
import { shiftDate, type Trend } from "~/models/convergence";
import { listDemandRequests } from "~/models/demand.server";
import { fiscalYearOf } from "~/models/fiscal-year";
import { visibleGraph } from "~/models/milestones.server";
import { positionsMatrix } from "~/models/positions.server";
import {
  visibleAssessments,
  visibleConsultations,
  visibleDemandRequests,
  visibleIssues,
  visiblePositions,
} from "~/models/scopes.server";
import { balanceOf } from "~/models/supply-balance";
import { supplyYears } from "~/models/supply.server";
import { today, todayInIndia } from "~/utils/clock";
import type { DB } from "~/utils/db.server";
import { ISSUE_STATUSES, type DemandStatus, type IssueStatus } from "~db/schema";

export const UPCOMING_DAYS = 60;

export async function issueStatusCounts(db: DB, user: SessionUser): Promise<Record<IssueStatus, number>> {
  const rows = await visibleIssues(db, user)
    .where("i.archived_at", "is", null)
    .select(["i.status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("i.status")
    .execute();
  const counts = Object.fromEntries(ISSUE_STATUSES.map((s) => [s, 0])) as Record<IssueStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

async function latestAssessment(db: DB, user: SessionUser) {
  return visibleAssessments(db, user)
    .leftJoin("issues as ai", "ai.id", "a.issue_id")
    .innerJoin("users as au", "au.id", "a.author_id")
    .select([
      "a.id",
      "a.issue_id",
      "a.assessed_on",
      "a.risk",
      "a.summary",
      "a.recommendation",
      "ai.title as issue_title",
      "au.display_name as author",
    ])
    .orderBy("a.assessed_on", "desc")
    .orderBy("a.created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

async function milestoneOutlook(db: DB, user: SessionUser, today: string) {
  const { rows, risks } = await visibleGraph(db, user, today);
  const horizon = shiftDate(today, UPCOMING_DAYS);
  const view = rows.map((m) => ({
    id: m.id,
    title: m.title,
    dueDate: m.due_date,
    status: m.status,
    risk: risks.get(m.id)?.level ?? "on_track",
    reason: risks.get(m.id)?.reasons[0] ?? null,
  }));
  const byDue = (a: { dueDate: string }, b: { dueDate: string }) => a.dueDate.localeCompare(b.dueDate);
  return {
    upcoming: view.filter((m) => m.status !== "done" && m.dueDate >= today && m.dueDate <= horizon).sort(byDue),
    next: view
      .filter((m) => m.status !== "done" && m.dueDate > horizon)
      .sort(byDue)
      .slice(0, 5),
    late: view.filter((m) => m.risk === "late").sort(byDue),
    threatened: view.filter((m) => m.risk === "threatened").sort(byDue),
  };
}

async function supplyHeadline(db: DB, user: SessionUser, now: Date) {
  if (!can(user, "supply:read")) return null;
  const fiscalYear = fiscalYearOf(now);
  const years = await supplyYears(db, user, { fromFiscalYear: fiscalYear });
  const rows = years.filter((y) => y.fiscalYear === fiscalYear).map(balanceOf);
  return {
    fiscalYear,
    rows: rows.map((r) => ({
      material: r.material,
      productionKg: r.productionKg,
      exportsKg: r.exportsKg,
      balanceKg: r.balanceKg,
      pendingKg: r.pendingKg,
      shortfall: r.shortfall,
      pendingShortfall: r.pendingShortfall,
    })),
  };
}

/** The organization's current position on each issue (the latest it recorded). */
async function ownPositions(db: DB, user: SessionUser, limit = 8) {
  const rows = await visiblePositions(db, user)
    .innerJoin("issues as pi", "pi.id", "p.issue_id")
    .where("p.organization_id", "=", user.organizationId)
    .where("pi.archived_at", "is", null)
    .select(["p.id", "p.issue_id", "p.stance", "p.flexibility", "p.stated_on", "pi.title as issue_title"])
    .orderBy("p.stated_on", "desc")
    .orderBy("p.recorded_at", "desc")
    .limit(200)
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.issue_id) && seen.add(r.issue_id)).slice(0, limit);
}

/** Open actions past due, on visible live consultations: the same rows `/actions` lists first. */
export async function countOverdueActions(db: DB, user: SessionUser, today: string): Promise<number> {
  const row = await visibleConsultations(db, user)
    .innerJoin("follow_up_actions as a", "a.consultation_id", "c.id")
    .where("c.archived_at", "is", null)
    .where("a.status", "=", "open")
    .where("a.due_date", "<", today)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function demandStatusCounts(db: DB, user: SessionUser): Promise<Partial<Record<DemandStatus, number>>> {
  const rows = await visibleDemandRequests(db, user)
    .select(["r.status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("r.status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function assembleDashboard(db: DB, user: SessionUser, now = today()) {
  const today = todayInIndia(now);
  const internal = isInternal(user);
  const [
    issueCounts,
    matrix,
    assessment,
    milestones,
    consultations,
    actions,
    overdueActions,
    supply,
    since,
    positions,
    demand,
    demandCounts,
    awaiting,
  ] = await Promise.all([
    issueStatusCounts(db, user),
    positionsMatrix(db, user, today, null, 12),
    internal ? latestAssessment(db, user) : Promise.resolve(undefined),
    milestoneOutlook(db, user, today),
    listConsultations(db, user, {}, null, 5),
    listFollowUpActions(db, user, { status: "open" }, null, 6),
    countOverdueActions(db, user, today),
    supplyHeadline(db, user, now),
    changesSinceLastVisit(db, user, 8),
    user.role === "counterpart" ? ownPositions(db, user) : Promise.resolve([]),
    can(user, "demand:read") && !internal ? listDemandRequests(db, user, {}, null, 8) : Promise.resolve(null),
    can(user, "demand:read") ? demandStatusCounts(db, user) : Promise.resolve(null),
    // What awaits the reader's ministry before India can table a proposal.
    awaitingConcurrence(db, user),
  ]);
  const trends: Record<Trend, number> = { converging: 0, diverging: 0, stable: 0, stuck: 0, insufficient: 0 };
  for (const row of matrix.rows) trends[row.convergence.trend]++;
  return {
    today,
    internal,
    issueCounts,
    issues: matrix.rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      trend: r.convergence.trend,
      spread: r.convergence.now,
    })),
    trends,
    assessment: assessment ?? null,
    milestones,
    consultations: consultations.rows.map((c) => ({
      id: c.id,
      title: c.title,
      startsAt: c.starts_at,
      kind: c.kind,
      visibility: c.visibility,
    })),
    actions: actions.rows.map((a) => ({
      id: a.id,
      description: a.description,
      dueDate: a.due_date,
      owner: a.owner_short_name,
      consultationId: a.consultation_id,
      consultationTitle: a.consultation_title,
      overdue: a.due_date !== null && a.due_date < today,
    })),
    overdueActions,
    supply,
    since,
    positions,
    requests: demand?.rows ?? null,
    demandCounts,
    awaitingConcurrence: awaiting.map((a) => ({
      id: a.id,
      clauseId: a.clause_id,
      reference: a.reference,
      title: a.title,
      proposer: a.proposer,
    })),
  };
}

export type Dashboard = Awaited<ReturnType<typeof assembleDashboard>>;
