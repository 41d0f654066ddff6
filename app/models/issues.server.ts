/**
 * The issue register: negotiation topics, their parties and the consultations that discussed
 * them. Every read goes through `visibleIssues`, so an issue a user may not see is absent from
 * lists and counts and answers 404.
 */
import type { SessionUser } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import { visibleConsultations, visibleIssues, visiblePositions } from "~/models/scopes.server";
import { taggedIds } from "~/models/tags.server";
import { versionedUpdate, type WriteResult } from "~/models/writes.server";
import type { Cursor } from "~/utils/cursor";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { Issue, IssuePriority, IssueStatus, OrganizationKind, OrganizationSide, Visibility } from "~db/schema";

export interface IssueInput {
  title: string;
  description?: string | undefined;
  status: IssueStatus;
  priority: IssuePriority;
  visibility: Visibility;
  parties: string[];
}

export const ISSUE_PAGE_SIZE = 25;

export interface IssueFilter {
  status?: IssueStatus | undefined;
  includeArchived?: boolean;
  tag?: string | undefined;
}

/**
 * A page of visible issues by title. The matrix, the dashboard and the brief need no more; the
 * register adds each issue's count of positions (`listIssues`), which reads every one of them.
 */
export async function listIssuePage(
  db: DB,
  user: SessionUser,
  filter: IssueFilter,
  cursor: Cursor | null,
  limit = ISSUE_PAGE_SIZE,
) {
  let query = visibleIssues(db, user).select([
    "i.id",
    "i.title",
    "i.status",
    "i.priority",
    "i.visibility",
    "i.archived_at",
    "i.updated_at",
  ]);
  if (!filter.includeArchived) query = query.where("i.archived_at", "is", null);
  if (filter.status) query = query.where("i.status", "=", filter.status);
  if (filter.tag) query = query.where("i.id", "in", taggedIds(db, user, "issue", filter.tag));
  if (cursor) {
    query = query.where((eb) =>
      eb.or([eb("i.title", ">", cursor.key), eb.and([eb("i.title", "=", cursor.key), eb("i.id", ">", cursor.id)])]),
    );
  }
  const rows = await query
    .orderBy("i.title")
    .orderBy("i.id")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? { key: last.title, id: last.id } : null };
}

/** A page of visible issues by title, each with its count of positions the user may see. */
export async function listIssues(db: DB, user: SessionUser, filter: IssueFilter, cursor: Cursor | null, limit = ISSUE_PAGE_SIZE) {
  const { rows: page, next } = await listIssuePage(db, user, filter, cursor, limit);
  const counts = new Map<string, number>();
  if (page.length) {
    const grouped = await visiblePositions(db, user)
      .select(["p.issue_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where(
        "p.issue_id",
        "in",
        page.map((r) => r.id),
      )
      .groupBy("p.issue_id")
      .execute();
    for (const g of grouped) counts.set(g.issue_id, Number(g.n));
  }
  return { rows: page.map((r) => ({ ...r, position_count: counts.get(r.id) ?? 0 })), next };
}

export async function countVisibleIssues(db: DB, user: SessionUser, filter: IssueFilter): Promise<number> {
  let query = visibleIssues(db, user).select((eb) => eb.fn.countAll<number>().as("n"));
  if (!filter.includeArchived) query = query.where("i.archived_at", "is", null);
  if (filter.status) query = query.where("i.status", "=", filter.status);
  if (filter.tag) query = query.where("i.id", "in", taggedIds(db, user, "issue", filter.tag));
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The issue, or undefined when the user may not see it. */
export async function getVisibleIssue(db: DB, user: SessionUser, id: string): Promise<Issue | undefined> {
  return visibleIssues(db, user).selectAll("i").where("i.id", "=", id).executeTakeFirst();
}

export interface IssueParty {
  issue_id: string;
  organization_id: string;
  name: string;
  short_name: string;
  country: string;
  side: OrganizationSide;
  affiliation: string | null;
  kind: OrganizationKind;
}

/** Parties of the given issues, Indian organizations first, then by name. Callers pass visible issues only. */
export async function partiesOf(db: Executor, issueIds: readonly string[]): Promise<IssueParty[]> {
  if (issueIds.length === 0) return [];
  const rows = await db
    .selectFrom("issue_parties as ip")
    .innerJoin("organizations as o", "o.id", "ip.organization_id")
    .select(["ip.issue_id", "ip.organization_id", "o.name", "o.short_name", "o.country", "o.side", "o.affiliation", "o.kind"])
    .where("ip.issue_id", "in", [...issueIds])
    .execute();
  return rows.sort(byPartyOrder);
}

export function byPartyOrder(a: { side: OrganizationSide; name: string }, b: { side: OrganizationSide; name: string }): number {
  const ai = a.side === "india" ? 0 : 1;
  const bi = b.side === "india" ? 0 : 1;
  return ai - bi || a.name.localeCompare(b.name);
}

/** Organizations that may be made parties: active ones, plus any already a party. */
export async function partyCandidates(db: DB, currentIds: readonly string[] = []) {
  let query = db.selectFrom("organizations").select(["id", "name", "short_name", "country", "side", "affiliation"]);
  query = currentIds.length
    ? query.where((eb) => eb.or([eb("archived_at", "is", null), eb("id", "in", [...currentIds])]))
    : query.where("archived_at", "is", null);
  return (await query.execute()).sort(byPartyOrder);
}

/** The ids among `ids` that are real organizations a new party may be: unknown or archived ones are refused. */
export async function unknownParties(db: DB, ids: readonly string[], allowArchived: readonly string[] = []): Promise<string[]> {
  const candidates = new Set((await partyCandidates(db, allowArchived)).map((o) => o.id));
  return ids.filter((id) => !candidates.has(id));
}

async function snapshot(tx: Executor, id: string) {
  const issue = await tx.selectFrom("issues").selectAll().where("id", "=", id).executeTakeFirst();
  if (!issue) return undefined;
  const parties = (await tx.selectFrom("issue_parties").select("organization_id").where("issue_id", "=", id).execute())
    .map((r) => r.organization_id)
    .sort();
  return { ...issue, parties };
}

export async function createIssue(db: DB, actorId: string, input: IssueInput, now: string = nowIso()): Promise<Issue> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("issues")
      .values({
        id: newId(),
        title: input.title,
        description: input.description ?? "",
        status: input.status,
        priority: input.priority,
        visibility: input.visibility,
        created_by: actorId,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const parties = [...new Set(input.parties)];
    if (parties.length)
      await tx
        .insertInto("issue_parties")
        .values(parties.map((organization_id) => ({ issue_id: row.id, organization_id })))
        .execute();
    await recordAudit(tx, {
      actorId,
      action: "issue.create",
      entityType: "issue",
      entityId: row.id,
      after: await snapshot(tx, row.id),
      at: now,
    });
    return row;
  });
}

/** Refuses the edit when the issue changed since the editor loaded it. */
export async function updateIssue(
  db: DB,
  actorId: string,
  id: string,
  expectedVersion: number,
  input: IssueInput,
): Promise<WriteResult<Issue>> {
  return versionedUpdate(db, {
    ...issueRecord(id),
    actorId,
    expectedVersion,
    set: () => ({
      title: input.title,
      description: input.description ?? "",
      status: input.status,
      priority: input.priority,
      visibility: input.visibility,
    }),
    // The party list is a set: rewrite it; the audit event keeps the before and after.
    alongside: async (tx) => {
      const wanted = [...new Set(input.parties)];
      await tx.deleteFrom("issue_parties").where("issue_id", "=", id).execute();
      if (wanted.length)
        await tx
          .insertInto("issue_parties")
          .values(wanted.map((organization_id) => ({ issue_id: id, organization_id })))
          .execute();
    },
    action: (before, after) => (before.status !== after.status ? "issue.status_change" : "issue.update"),
  });
}

export async function setIssueArchived(
  db: DB,
  actorId: string,
  id: string,
  expectedVersion: number,
  archived: boolean,
): Promise<WriteResult<Issue>> {
  return versionedUpdate(db, {
    ...issueRecord(id),
    actorId,
    expectedVersion,
    set: (_, now) => ({ archived_at: archived ? now : null }),
    action: archived ? "issue.archive" : "issue.restore",
  });
}

function issueRecord(id: string) {
  return {
    table: "issues" as const,
    id,
    load: (tx: Executor) => snapshot(tx, id),
    result: ({ parties: _parties, ...issue }: NonNullable<Awaited<ReturnType<typeof snapshot>>>): Issue => issue,
  };
}

/** Consultations linked to an issue that the user may see, newest first. */
export async function consultationsOfIssue(db: DB, user: SessionUser, issueId: string) {
  // Driven by the issue's own links (an IN list of them), not by walking every visible consultation.
  return visibleConsultations(db, user)
    .select(["c.id", "c.title", "c.starts_at", "c.kind", "c.visibility"])
    .where(
      "c.id",
      "in",
      db.selectFrom("consultation_issues as ci").select("ci.consultation_id").where("ci.issue_id", "=", issueId),
    )
    .where("c.archived_at", "is", null)
    .orderBy("c.starts_at", "desc")
    .orderBy("c.id")
    .execute();
}

/**
 * Issues linked to a consultation that the user may see, by title: for the consultation page.
 * Empty when the user may not see the consultation itself.
 */
export async function listIssuesForConsultation(db: DB, user: SessionUser, consultationId: string) {
  return visibleIssues(db, user)
    .innerJoin("consultation_issues as ci", "ci.issue_id", "i.id")
    .select(["i.id", "i.title", "i.status", "i.priority"])
    .where("ci.consultation_id", "=", consultationId)
    .where((eb) => eb.exists(visibleConsultations(db, user).select("c.id").where("c.id", "=", eb.ref("ci.consultation_id"))))
    .where("i.archived_at", "is", null)
    .orderBy("i.title")
    .orderBy("i.id")
    .execute();
}

/** Visible, active issues by title: the choices when linking an issue from a consultation or a milestone. */
export async function issueChoices(db: DB, user: SessionUser, limit = 200) {
  return visibleIssues(db, user)
    .select(["i.id", "i.title", "i.status"])
    .where("i.archived_at", "is", null)
    .orderBy("i.title")
    .orderBy("i.id")
    .limit(limit)
    .execute();
}

/** The ids among `ids` that the user may not link: unknown, invisible or archived issues. */
export async function unlinkableIssues(db: DB, user: SessionUser, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await visibleIssues(db, user)
    .select("i.id")
    .where("i.id", "in", [...ids])
    .where("i.archived_at", "is", null)
    .execute();
  const ok = new Set(found.map((r) => r.id));
  return ids.filter((id) => !ok.has(id));
}

/** Visible, active consultations, newest first: the choices for a link or a position's source. */
export async function consultationChoices(db: DB, user: SessionUser, limit = 200) {
  return visibleConsultations(db, user)
    .select(["c.id", "c.title", "c.starts_at"])
    .where("c.archived_at", "is", null)
    .orderBy("c.starts_at", "desc")
    .orderBy("c.id")
    .limit(limit)
    .execute();
}

export async function isVisibleConsultation(db: DB, user: SessionUser, id: string): Promise<boolean> {
  return (
    (await visibleConsultations(db, user)
      .select("c.id")
      .where("c.id", "=", id)
      .where("c.archived_at", "is", null)
      .executeTakeFirst()) !== undefined
  );
}

export type LinkResult = "linked" | "already";

export async function linkConsultation(db: DB, actorId: string, issueId: string, consultationId: string): Promise<LinkResult> {
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom("consultation_issues")
      .select("issue_id")
      .where("issue_id", "=", issueId)
      .where("consultation_id", "=", consultationId)
      .executeTakeFirst();
    if (existing) return "already";
    const now = nowIso();
    const row = { consultation_id: consultationId, issue_id: issueId, created_at: now };
    await tx.insertInto("consultation_issues").values(row).execute();
    await recordAudit(tx, {
      actorId,
      action: "issue.link_consultation",
      entityType: "issue",
      entityId: issueId,
      after: row,
      at: now,
    });
    return "linked";
  });
}

export async function unlinkConsultation(db: DB, actorId: string, issueId: string, consultationId: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom("consultation_issues")
      .selectAll()
      .where("issue_id", "=", issueId)
      .where("consultation_id", "=", consultationId)
      .executeTakeFirst();
    if (!before) return false;
    await tx
      .deleteFrom("consultation_issues")
      .where("issue_id", "=", issueId)
      .where("consultation_id", "=", consultationId)
      .execute();
    await recordAudit(tx, { actorId, action: "issue.unlink_consultation", entityType: "issue", entityId: issueId, before });
    return true;
  });
}
