/**
 * The home dashboard: where the negotiation stands, for the reader's role, in a bounded number
 * of queries (no query per row). Every figure comes from the same scoped queries as the list it
 * links to, so a count on the dashboard always equals the length of that list (up to `COUNT_CAP`,
 * past which it reads "100+"; milestone lists show the first few and link to the rest).
 */
import { can, isInternal, type SessionUser } from "~/models/access.server";
import { changesSinceLastVisit } from "~/models/activity.server";
import { awaitingConcurrence } from "~/models/clauses.server";
import { listConsultations, listFollowUpActions } from "~/models/consultations.server";
import { shiftDate, type Trend } from "~/models/convergence";
import { listDemandRequests } from "~/models/demand.server";
import { fiscalYearOf } from "~/models/fiscal-year";
import { milestoneWatch } from "~/models/milestones.server";
import { minutesAwaitingMyOrganization, minutesWaitingLong } from "~/models/minutes.server";
import { positionsAwaitingConcurrence } from "~/models/position-concurrence.server";
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
import { cappedCount } from "~/utils/count.server";
import { type DB } from "~/utils/db.server";
import { DEMAND_STATUSES, ISSUE_STATUSES, type DemandStatus, type IssueStatus } from "~db/schema";

export const UPCOMING_DAYS = 60;

/** Live visible issues per status, each counted up to the cap (a fixed number of statements). */
export async function issueStatusCounts(db: DB, user: SessionUser): Promise<Record<IssueStatus, number>> {
  const ns = await Promise.all(
    ISSUE_STATUSES.map((s) =>
      cappedCount(db, visibleIssues(db, user).where("i.archived_at", "is", null).where("i.status", "=", s)),
    ),
  );
  return Object.fromEntries(ISSUE_STATUSES.map((s, k) => [s, ns[k]!])) as Record<IssueStatus, number>;
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

/** Late, threatened and upcoming milestones, each capped, with their totals (see `milestoneWatch`). */
async function milestoneOutlook(db: DB, user: SessionUser, today: string) {
  return milestoneWatch(db, user, today, shiftDate(today, UPCOMING_DAYS));
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

/** Open actions past due, on visible live consultations (the rows `/actions` lists first), up to the cap. */
export async function countOverdueActions(db: DB, user: SessionUser, today: string): Promise<number> {
  return cappedCount(
    db,
    visibleConsultations(db, user)
      .innerJoin("follow_up_actions as a", "a.consultation_id", "c.id")
      .where("c.archived_at", "is", null)
      .where("a.status", "=", "open")
      .where("a.due_date", "<", today),
  );
}

async function demandStatusCounts(db: DB, user: SessionUser): Promise<Partial<Record<DemandStatus, number>>> {
  const ns = await Promise.all(
    DEMAND_STATUSES.map((s) => cappedCount(db, visibleDemandRequests(db, user).where("r.status", "=", s))),
  );
  return Object.fromEntries(DEMAND_STATUSES.map((s, k) => [s, ns[k]!]).filter(([, n]) => n !== 0));
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
    minutesAwaiting,
    minutesWaiting,
    awaiting,
    positionsAwaiting,
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
    minutesAwaitingMyOrganization(db, user, 10),
    // The diplomat watches the record of the talks: minutes unanswered for more than a week.
    user.role === "diplomat" ? minutesWaitingLong(db, user, now.toISOString()) : Promise.resolve(null),
    // What awaits the reader's ministry before India can table a proposal.
    awaitingConcurrence(db, user),
    positionsAwaitingConcurrence(db, user),
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
    minutesAwaiting,
    minutesWaiting,
    positionsAwaiting: positionsAwaiting.map((p) => ({ id: p.id, issueId: p.issue_id, title: p.title, proposer: p.proposer })),
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
