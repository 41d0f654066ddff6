/**
 * Transition milestones: reads scoped to what the user may see, writes with versions and audit.
 * The graph rules (cycles, risk) are pure and live in `milestone-rules.ts`.
 *
 * Linked negotiation issues (`milestone_issues`) are written with the dependencies and parties,
 * checked against the editor's visible issues; each page lists only the side its reader may see.
 */
import { assignableVisibilities, type SessionUser } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import { computeRisks, daysBetween, describeCycle, findCycle, isLate, type GraphNode, type Risk } from "~/models/milestone-rules";
import { notifyMilestoneChanged } from "~/models/notifications.server";
import { visibleHistoryEvents, visibleIssues, visibleMilestones } from "~/models/scopes.server";
import { taggedIds } from "~/models/tags.server";
import { refused, versionedUpdate, type CreateResult, type Refused, type WriteResult } from "~/models/writes.server";
import { milestoneFilterSchema } from "~/schemas/milestones";
import { cappedCount } from "~/utils/count.server";
import { isPlainDate, type Cursor } from "~/utils/cursor";
import type { DB } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { newId, nowIso } from "~/utils/ids.server";
import { parseListQuery } from "~/utils/list.server";
import type { Milestone, MilestoneCategory, MilestoneStatus, Visibility } from "~db/schema";

export interface MilestoneInput {
  title: string;
  description?: string | undefined;
  category: MilestoneCategory;
  ownerOrganizationId: string;
  dueDate: string;
  status: MilestoneStatus;
  completedOn?: string | undefined;
  progressNote?: string | undefined;
  dependsOn: string[];
  partyOrganizationIds: string[];
  issueIds: string[];
  visibility: Visibility;
}

export interface ProgressInput {
  status: MilestoneStatus;
  completedOn?: string | undefined;
  progressNote?: string | undefined;
}

export interface MilestoneFilter {
  category?: MilestoneCategory | undefined;
  owner?: string | undefined;
  status?: MilestoneStatus | undefined;
  risk?: Risk["level"] | undefined;
  tag?: string | undefined;
}

export const MILESTONE_PAGE_SIZE = 50;

export type MilestoneWithOwner = Milestone & { owner_name: string; owner_short_name: string };

function withOwner(db: DB, user: SessionUser) {
  return visibleMilestones(db, user)
    .innerJoin("organizations as o", "o.id", "m.owner_organization_id")
    .selectAll("m")
    .select(["o.name as owner_name", "o.short_name as owner_short_name"]);
}

type NodeRow = { id: string; title: string; due_date: string; status: MilestoneStatus };

/** The graph of these milestones: each with the dependencies among them (edges leaving the set are dropped). */
async function graphOf(db: DB, nodes: readonly NodeRow[]) {
  const ids = nodes.map((n) => n.id);
  const edges =
    ids.length === 0
      ? []
      : await db
          .selectFrom("milestone_dependencies")
          .select(["milestone_id", "depends_on_id"])
          .where("milestone_id", "in", ids)
          .where("depends_on_id", "in", ids)
          .execute();
  const dependsOn = new Map<string, string[]>();
  for (const e of edges) dependsOn.set(e.milestone_id, [...(dependsOn.get(e.milestone_id) ?? []), e.depends_on_id]);
  const graph: GraphNode[] = nodes.map((n) => ({
    id: n.id,
    title: n.title,
    dueDate: n.due_date,
    status: n.status,
    dependsOn: dependsOn.get(n.id) ?? [],
  }));
  return { graph, edges, dependsOn };
}

/** The visible, live milestone graph with the risk of each node, as the user sees it. */
export async function visibleGraph(db: DB, user: SessionUser, today: string) {
  const nodes = await visibleMilestones(db, user)
    .select(["m.id", "m.title", "m.due_date", "m.status", "m.category", "m.visibility"])
    .where("m.archived_at", "is", null)
    .execute();
  const { graph, edges } = await graphOf(db, nodes);
  return { nodes: graph, rows: nodes, edges, risks: computeRisks(graph, today) };
}

/**
 * Risks of the visible live milestones that take part in a dependency, computed on that subgraph
 * alone: a milestone with no dependency edge is late or on track by its own dates, so the rest of
 * the history never needs reading. The subgraph grows with the dependencies people draw, not with
 * the number of milestones.
 */
export async function dependencyRisks(db: DB, user: SessionUser, today: string) {
  const nodes = await visibleMilestones(db, user)
    .select(["m.id", "m.title", "m.due_date", "m.status"])
    .where("m.archived_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("m.id", "in", eb.selectFrom("milestone_dependencies").select("milestone_id")),
        eb("m.id", "in", eb.selectFrom("milestone_dependencies").select("depends_on_id")),
      ]),
    )
    .execute();
  const { graph, dependsOn } = await graphOf(db, nodes);
  const risks = computeRisks(graph, today);
  /** The risk of any visible live milestone, from the subgraph or, outside it, its own dates. */
  const riskOf = (m: { id: string; due_date: string; status: MilestoneStatus }): Risk => {
    const known = risks.get(m.id);
    if (known) return known;
    if (m.status === "done") return { level: "done", late: false, threatened: false, reasons: [] };
    if (isLate({ dueDate: m.due_date, status: m.status }, today))
      return {
        level: "late",
        late: true,
        threatened: false,
        reasons: [{ code: "late", dueDate: m.due_date, daysLate: daysBetween(m.due_date, today) }],
      };
    return { level: "on_track", late: false, threatened: false, reasons: [] };
  };
  return { risks, riskOf, dependsOn };
}

/** How many a capped list holds at most; past it a page says "n+" and links to the full list. */
export const WATCH_LIMIT = 10;

/**
 * The milestones that need attention, each list capped at `limit` with its full length (late
 * counted up to `COUNT_CAP + 1`): late, threatened, due within `horizonDays`, and the next few
 * after. Read by index ranges, so the cost follows the limit, not the history.
 */
export async function milestoneWatch(db: DB, user: SessionUser, today: string, horizon: string, limit = WATCH_LIMIT) {
  const live = () => withOwner(db, user).where("m.archived_at", "is", null).where("m.status", "!=", "done");
  const [deps, late, lateCount, upcoming, upcomingCount, next] = await Promise.all([
    dependencyRisks(db, user, today),
    live().where("m.due_date", "<", today).orderBy("m.due_date", "asc").orderBy("m.id", "asc").limit(limit).execute(),
    cappedCount(db, live().where("m.due_date", "<", today)),
    live()
      .where("m.due_date", ">=", today)
      .where("m.due_date", "<=", horizon)
      .orderBy("m.due_date", "asc")
      .orderBy("m.id", "asc")
      .limit(limit)
      .execute(),
    cappedCount(db, live().where("m.due_date", ">=", today).where("m.due_date", "<=", horizon)),
    live().where("m.due_date", ">", horizon).orderBy("m.due_date", "asc").orderBy("m.id", "asc").limit(5).execute(),
  ]);
  const threatenedIds = [...deps.risks].filter(([, r]) => r.level === "threatened").map(([id]) => id);
  const threatened =
    threatenedIds.length === 0
      ? []
      : await withOwner(db, user)
          .where("m.id", "in", threatenedIds)
          .orderBy("m.due_date", "asc")
          .orderBy("m.id", "asc")
          .limit(limit)
          .execute();
  const view = (m: MilestoneWithOwner) => {
    const risk = deps.riskOf(m);
    return {
      id: m.id,
      title: m.title,
      dueDate: m.due_date,
      status: m.status,
      visibility: m.visibility,
      risk: risk.level,
      reason: risk.reasons[0] ?? null,
    };
  };
  return {
    late: late.map(view),
    lateTotal: lateCount,
    threatened: threatened.map(view),
    threatenedTotal: threatenedIds.length,
    upcoming: upcoming.map(view),
    upcomingTotal: upcomingCount,
    next: next.map(view),
  };
}

/** How many milestones the timeline draws at once. */
export const TIMELINE_LIMIT = 40;

/**
 * One window of the timeline: up to `TIMELINE_LIMIT` visible live milestones due on or after
 * `from`, by due date, with their risks and the dependencies among them, and where the windows
 * before and after start (null when there is none).
 */
export async function timelineWindow(db: DB, user: SessionUser, today: string, from: string) {
  const live = () =>
    visibleMilestones(db, user)
      .select(["m.id", "m.title", "m.due_date", "m.status", "m.category"])
      .where("m.archived_at", "is", null);
  const [deps, rows, before] = await Promise.all([
    dependencyRisks(db, user, today),
    live()
      .where("m.due_date", ">=", from)
      .orderBy("m.due_date", "asc")
      .orderBy("m.id", "asc")
      .limit(TIMELINE_LIMIT + 1)
      .execute(),
    live().where("m.due_date", "<", from).orderBy("m.due_date", "desc").orderBy("m.id", "desc").limit(TIMELINE_LIMIT).execute(),
  ]);
  const page = rows.slice(0, TIMELINE_LIMIT);
  const shown = new Set(page.map((r) => r.id));
  return {
    items: page.map((r) => {
      const risk = deps.riskOf(r);
      const dependsOn = (deps.dependsOn.get(r.id) ?? []).filter((id) => shown.has(id));
      return {
        id: r.id,
        title: r.title,
        category: r.category,
        dueDate: r.due_date,
        status: r.status,
        risk: risk.level,
        late: risk.late,
        threatened: risk.threatened,
        reasons: risk.reasons,
        dependsOn,
      };
    }),
    earlier: before.length > 0 ? before[before.length - 1]!.due_date : null,
    later: rows.length > TIMELINE_LIMIT ? rows[TIMELINE_LIMIT]!.due_date : null,
  };
}

/** One page of visible live milestones, by due date, with the filters; risk comes from the graph. */
export async function listMilestones(
  db: DB,
  user: SessionUser,
  filter: MilestoneFilter,
  today: string,
  options: { cursor?: Cursor | null; limit?: number | null } = {},
): Promise<{ rows: (MilestoneWithOwner & { risk: Risk })[]; next: Cursor | null }> {
  // Risk needs only the dependency subgraph: outside it a milestone's own dates decide.
  const { riskOf, risks } = await dependencyRisks(db, user, today);
  let query = withOwner(db, user).where("m.archived_at", "is", null);
  if (filter.category) query = query.where("m.category", "=", filter.category);
  if (filter.owner) query = query.where("m.owner_organization_id", "=", filter.owner);
  if (filter.status) query = query.where("m.status", "=", filter.status);
  if (filter.tag) query = query.where("m.id", "in", taggedIds(db, user, "milestone", filter.tag));
  if (filter.risk) {
    // Threatened comes from the subgraph; the other levels are plain date and status tests.
    const threatened = [...risks].filter(([, r]) => r.level === "threatened").map(([id]) => id);
    if (filter.risk === "done") query = query.where("m.status", "=", "done");
    else if (filter.risk === "late") query = query.where("m.status", "!=", "done").where("m.due_date", "<", today);
    else if (filter.risk === "threatened") {
      if (threatened.length === 0) return { rows: [], next: null };
      query = query.where("m.id", "in", threatened);
    } else {
      query = query.where("m.status", "!=", "done").where("m.due_date", ">=", today);
      if (threatened.length > 0) query = query.where("m.id", "not in", threatened);
    }
  }
  const cursor = options.cursor;
  if (cursor) {
    query = query.where((eb) =>
      eb.or([eb("m.due_date", ">", cursor.key), eb.and([eb("m.due_date", "=", cursor.key), eb("m.id", ">", cursor.id)])]),
    );
  }
  const limit = options.limit === undefined ? MILESTONE_PAGE_SIZE : options.limit;
  let ordered = query.orderBy("m.due_date", "asc").orderBy("m.id", "asc");
  if (limit !== null) ordered = ordered.limit(limit + 1);
  const rows = await ordered.execute();
  const page = limit === null ? rows : rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({ ...r, risk: riskOf(r) })),
    next: limit !== null && rows.length > limit && last ? { key: last.due_date, id: last.id } : null,
  };
}

/** A milestone the user may see (archived included), or undefined. */
export async function getMilestone(db: DB, user: SessionUser, id: string): Promise<MilestoneWithOwner | undefined> {
  return withOwner(db, user).where("m.id", "=", id).executeTakeFirst();
}

export interface MilestoneLink {
  id: string;
  title: string;
  due_date: string;
  status: MilestoneStatus;
  archived_at: string | null;
}

/** Visible milestones this one depends on (upstream) and that depend on it (downstream). */
export async function neighboursOf(
  db: DB,
  user: SessionUser,
  id: string,
): Promise<{ upstream: MilestoneLink[]; downstream: MilestoneLink[] }> {
  const columns = ["m.id", "m.title", "m.due_date", "m.status", "m.archived_at"] as const;
  const [upstream, downstream] = await Promise.all([
    visibleMilestones(db, user)
      .innerJoin("milestone_dependencies as d", "d.depends_on_id", "m.id")
      .select(columns)
      .where("d.milestone_id", "=", id)
      .orderBy("m.due_date")
      .execute(),
    visibleMilestones(db, user)
      .innerJoin("milestone_dependencies as d", "d.milestone_id", "m.id")
      .select(columns)
      .where("d.depends_on_id", "=", id)
      .orderBy("m.due_date")
      .execute(),
  ]);
  return { upstream, downstream };
}

export async function partiesOf(db: DB | Executor, id: string) {
  return db
    .selectFrom("milestone_parties as p")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .select(["o.id", "o.name", "o.short_name"])
    .where("p.milestone_id", "=", id)
    .orderBy("o.name")
    .execute();
}

export async function dependencyIdsOf(db: DB | Executor, id: string): Promise<string[]> {
  const rows = await db.selectFrom("milestone_dependencies").select("depends_on_id").where("milestone_id", "=", id).execute();
  return rows.map((r) => r.depends_on_id);
}

/** Live milestones the user may pick as dependencies, by due date. */
export async function dependencyOptions(db: DB, user: SessionUser) {
  return visibleMilestones(db, user)
    .select(["m.id", "m.title", "m.due_date"])
    .where("m.archived_at", "is", null)
    .orderBy("m.due_date")
    .orderBy("m.title")
    .execute();
}

/**
 * Checks the references of an input against the database: owner and parties exist and are
 * active, dependencies are visible to the editor, live and not the milestone itself, and the
 * change closes no cycle. Field errors keyed as the form names them, or null.
 */
async function checkReferences(
  tx: Executor,
  user: SessionUser,
  milestoneId: string,
  input: MilestoneInput,
): Promise<FieldErrors | null> {
  const errors: FieldErrors = {};
  const orgIds = [...new Set([input.ownerOrganizationId, ...input.partyOrganizationIds])];
  const orgs = await tx.selectFrom("organizations").select(["id", "archived_at"]).where("id", "in", orgIds).execute();
  const activeOrg = new Set(orgs.filter((o) => o.archived_at === null).map((o) => o.id));
  if (!activeOrg.has(input.ownerOrganizationId)) errors.ownerOrganizationId = "Choose an active organization as the owner.";
  if (input.partyOrganizationIds.some((id) => !activeOrg.has(id)))
    errors.partyOrganizationIds = "Choose parties among the active organizations.";

  const issueIds = [...new Set(input.issueIds)];
  if (issueIds.length > 0) {
    // An archived issue may stay linked, but only a live one may be newly linked.
    const [found, current] = await Promise.all([
      visibleIssues(tx as DB, user)
        .select(["i.id", "i.archived_at"])
        .where("i.id", "in", issueIds)
        .execute(),
      issueIdsOf(tx, milestoneId),
    ]);
    const linkable = new Set(found.filter((i) => i.archived_at === null || current.includes(i.id)).map((i) => i.id));
    if (issueIds.some((id) => !linkable.has(id)))
      errors.issueIds = "A chosen issue does not exist or is archived. Choose among the issues listed.";
  }

  const deps = [...new Set(input.dependsOn)];
  if (deps.includes(milestoneId)) {
    errors.dependsOn = "A milestone cannot depend on itself.";
    return errors;
  }
  if (deps.length > 0) {
    const found = await visibleMilestones(tx as DB, user)
      .select("m.id")
      .where("m.id", "in", deps)
      .where("m.archived_at", "is", null)
      .execute();
    if (found.length !== deps.length) {
      errors.dependsOn = "A chosen dependency does not exist or is archived. Choose among the milestones listed.";
      return errors;
    }
    const edges = await tx.selectFrom("milestone_dependencies").select(["milestone_id", "depends_on_id"]).execute();
    const cycle = findCycle(
      edges.map((e) => [e.milestone_id, e.depends_on_id] as const),
      milestoneId,
      deps,
    );
    if (cycle) {
      const titles = await tx.selectFrom("milestones").select(["id", "title"]).where("id", "in", cycle).execute();
      const titleOf = (id: string) => (id === milestoneId ? input.title : (titles.find((t) => t.id === id)?.title ?? id));
      errors.dependsOn = describeCycle(cycle, titleOf);
    }
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

async function writeLinks(
  tx: Executor,
  editor: SessionUser,
  id: string,
  input: Pick<MilestoneInput, "dependsOn" | "partyOrganizationIds" | "issueIds">,
) {
  await tx.deleteFrom("milestone_dependencies").where("milestone_id", "=", id).execute();
  await tx.deleteFrom("milestone_parties").where("milestone_id", "=", id).execute();
  // Only the links the editor could see in the form are replaced; any others are kept.
  await tx
    .deleteFrom("milestone_issues")
    .where("milestone_id", "=", id)
    .where("issue_id", "in", () => visibleIssues(tx as DB, editor).select("i.id"))
    .execute();
  const deps = [...new Set(input.dependsOn)];
  const parties = [...new Set(input.partyOrganizationIds)];
  const issues = [...new Set(input.issueIds)];
  if (deps.length)
    await tx
      .insertInto("milestone_dependencies")
      .values(deps.map((d) => ({ milestone_id: id, depends_on_id: d })))
      .execute();
  if (parties.length)
    await tx
      .insertInto("milestone_parties")
      .values(parties.map((o) => ({ milestone_id: id, organization_id: o })))
      .execute();
  if (issues.length) {
    await tx
      .insertInto("milestone_issues")
      .values(issues.map((issue_id) => ({ milestone_id: id, issue_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Ids of every issue linked to the milestone, visible or not: for the audit snapshot and checks. */
export async function issueIdsOf(db: DB | Executor, id: string): Promise<string[]> {
  const rows = await db.selectFrom("milestone_issues").select("issue_id").where("milestone_id", "=", id).execute();
  return rows.map((r) => r.issue_id);
}

/** The linked issues of a milestone that the user may see, by title. */
export async function linkedIssuesOf(db: DB, user: SessionUser, milestoneId: string) {
  return visibleIssues(db, user)
    .innerJoin("milestone_issues as mi", "mi.issue_id", "i.id")
    .select(["i.id", "i.title", "i.status", "i.archived_at"])
    .where("mi.milestone_id", "=", milestoneId)
    .orderBy("i.title")
    .orderBy("i.id")
    .execute();
}

/** The milestones linked to an issue that the user may see, by due date. Callers check the issue is visible. */
export async function milestonesOfIssue(
  db: DB,
  user: SessionUser,
  issueId: string,
): Promise<(MilestoneLink & { visibility: Visibility })[]> {
  return visibleMilestones(db, user)
    .innerJoin("milestone_issues as mi", "mi.milestone_id", "m.id")
    .select(["m.id", "m.title", "m.due_date", "m.status", "m.archived_at", "m.visibility"])
    .where("mi.issue_id", "=", issueId)
    .orderBy("m.due_date")
    .orderBy("m.id")
    .execute();
}

async function snapshotIfAny(tx: Executor, id: string) {
  const found = await tx.selectFrom("milestones").select("id").where("id", "=", id).executeTakeFirst();
  return found ? snapshot(tx, id) : undefined;
}

/** The record as the audit log keeps it: the row plus its links. */
async function snapshot(tx: Executor, id: string) {
  const row = await tx.selectFrom("milestones").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const dependsOn = (await dependencyIdsOf(tx, id)).sort();
  const parties = (await tx.selectFrom("milestone_parties").select("organization_id").where("milestone_id", "=", id).execute())
    .map((p) => p.organization_id)
    .sort();
  const issueIds = (await issueIdsOf(tx, id)).sort();
  return { ...row, depends_on: dependsOn, party_organization_ids: parties, issue_ids: issueIds };
}

export type MilestoneSnapshot = Awaited<ReturnType<typeof snapshot>>;
type InvalidReferences = Refused<"invalid", { fieldErrors: FieldErrors }>;
export type MilestoneWriteResult = WriteResult<MilestoneSnapshot, InvalidReferences>;

export async function createMilestone(
  db: DB,
  actor: SessionUser,
  input: MilestoneInput,
): Promise<CreateResult<MilestoneSnapshot, InvalidReferences>> {
  const id = newId();
  return db.transaction().execute(async (tx) => {
    const errors = await checkReferences(tx, actor, id, input);
    if (errors) return refused("invalid", { fieldErrors: errors });
    const now = nowIso();
    await tx
      .insertInto("milestones")
      .values({
        id,
        ...editedColumns(input),
        created_by: actor.id,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writeLinks(tx, actor, id, input);
    const after = await snapshot(tx, id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "milestone.create",
      entityType: "milestone",
      entityId: id,
      after,
      at: now,
    });
    return { ok: true, record: after } as const;
  });
}

/** A full edit by an official: refused when the version moved on or a reference is bad. */
export async function updateMilestone(
  db: DB,
  actor: SessionUser,
  id: string,
  expectedVersion: number,
  input: MilestoneInput,
): Promise<MilestoneWriteResult> {
  return versionedUpdate(db, {
    ...milestoneRecord(id),
    actorId: actor.id,
    expectedVersion,
    check: async (_, tx) => {
      const errors = await checkReferences(tx, actor, id, input);
      return errors ? refused("invalid", { fieldErrors: errors }) : null;
    },
    set: () => editedColumns(input),
    alongside: async (tx) => {
      await writeLinks(tx, actor, id, input);
      // A new date or dependency may make this or what waits on it late or threatened.
      await notifyMilestoneChanged(tx, id);
    },
    action: "milestone.update",
  });
}

/** The owner's report: status, progress note and completion only. */
export async function updateProgress(
  db: DB,
  actor: SessionUser,
  id: string,
  expectedVersion: number,
  input: ProgressInput,
): Promise<MilestoneWriteResult> {
  return versionedUpdate(db, {
    ...milestoneRecord(id),
    actorId: actor.id,
    expectedVersion,
    set: () => progressColumns(input),
    alongside: (tx) => notifyMilestoneChanged(tx, id),
    action: "milestone.progress",
  });
}

export async function setMilestoneArchived(
  db: DB,
  actor: SessionUser,
  id: string,
  expectedVersion: number,
  archived: boolean,
): Promise<MilestoneWriteResult> {
  return versionedUpdate(db, {
    ...milestoneRecord(id),
    actorId: actor.id,
    expectedVersion,
    set: (_, now) => ({ archived_at: archived ? now : null }),
    action: archived ? "milestone.archive" : "milestone.restore",
  });
}

function milestoneRecord(id: string) {
  return { table: "milestones" as const, id, load: (tx: Executor) => snapshotIfAny(tx, id), result: (s: MilestoneSnapshot) => s };
}

/** The columns an official's form sets, on create and on edit alike. */
function editedColumns(input: MilestoneInput) {
  return {
    title: input.title,
    description: input.description ?? "",
    category: input.category,
    owner_organization_id: input.ownerOrganizationId,
    due_date: input.dueDate,
    ...progressColumns(input),
    visibility: input.visibility,
  };
}

function progressColumns(input: ProgressInput) {
  return {
    status: input.status,
    completed_on: input.status === "done" ? (input.completedOn ?? null) : null,
    progress_note: input.progressNote ?? "",
  };
}

export interface StatusChange {
  id: string;
  at: string;
  actor: string;
  from: MilestoneStatus | null;
  to: MilestoneStatus;
  completedOn: string | null;
  note: string | null;
}

/**
 * The status changes of a milestone from the audit log that the user may read, oldest first.
 * Callers check that the milestone is visible. An earlier version may have been internal,
 * restricted or not yet shared with the reader's organization: each event is judged in the SQL by
 * the level, owner and parties its own snapshots recorded (see `visibleHistoryEvents`).
 */
export async function statusHistoryOf(db: DB, user: SessionUser, id: string): Promise<StatusChange[]> {
  const events = await visibleHistoryEvents(db, user, ["milestone"], [id], {
    ownerField: "owner_organization_id",
    partiesField: "party_organization_ids",
  })
    .leftJoin("users as u", "u.id", "e.actor_id")
    .select(["e.id", "e.at", "e.action", "e.before_json", "e.after_json", "u.display_name as actor_name"])
    .orderBy("e.at", "asc")
    .orderBy("e.id", "asc")
    .execute();
  const changes: StatusChange[] = [];
  for (const e of events) {
    const before = e.before_json ? (JSON.parse(e.before_json) as Partial<Milestone>) : null;
    const after = e.after_json ? (JSON.parse(e.after_json) as Partial<Milestone>) : null;
    if (!after?.status) continue;
    const noteChanged = after.progress_note && after.progress_note !== before?.progress_note;
    if (before?.status === after.status && !noteChanged) continue;
    changes.push({
      id: e.id,
      at: e.at,
      actor: e.actor_name ?? "System",
      from: before?.status ?? null,
      to: after.status,
      completedOn: after.completed_on ?? null,
      note: noteChanged ? (after.progress_note ?? null) : null,
    });
  }
  return changes;
}

/**
 * The choices of the milestone form for this editor. Issues: the live ones the editor can see,
 * plus (when editing) archived ones already linked, so that saving keeps them.
 */
export async function milestoneFormOptions(db: DB, user: SessionUser, milestoneId?: string) {
  const [organizations, dependencies, issues] = await Promise.all([
    db
      .selectFrom("organizations")
      .select(["id", "name", "short_name"])
      .where("archived_at", "is", null)
      .orderBy("name")
      .execute(),
    dependencyOptions(db, user),
    visibleIssues(db, user)
      .select(["i.id", "i.title"])
      .where((eb) =>
        milestoneId === undefined
          ? eb("i.archived_at", "is", null)
          : eb.or([
              eb("i.archived_at", "is", null),
              eb(
                "i.id",
                "in",
                eb.selectFrom("milestone_issues as mi").select("mi.issue_id").where("mi.milestone_id", "=", milestoneId),
              ),
            ]),
      )
      .orderBy("i.title")
      .orderBy("i.id")
      .execute(),
  ]);
  return { organizations, dependencies, issues, visibilities: assignableVisibilities(user) };
}

/** Organizations that own at least one milestone the user can see, for the owner filter. */
export async function visibleOwners(db: DB, user: SessionUser) {
  return visibleMilestones(db, user)
    .innerJoin("organizations as o", "o.id", "m.owner_organization_id")
    .select(["o.id", "o.name", "o.short_name"])
    .where("m.archived_at", "is", null)
    .distinct()
    .orderBy("o.name")
    .execute();
}

/** The filter from the query string, or a 400 naming what is wrong. Shared with the CSV export. */
export function parseMilestoneFilter(url: URL) {
  return parseListQuery(url, milestoneFilterSchema, {
    keys: ["category", "owner", "status", "risk", "tag"],
    validKey: isPlainDate,
  });
}
