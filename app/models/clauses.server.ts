/**
 * The 2012 IREL–Toyotsu arrangement clause by clause: the register, each clause's history, the
 * amendments the parties propose and India's inter-ministerial concurrence before tabling.
 * Reads go through the scopes; writes return codes, never sentences.
 */
import { diffWords } from "diff";

import { can, isInternal, type SessionUser } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import * as concurrence from "~/models/concurrence.server";
import { visibleAmendments, visibleClauses, visibleConcurrences, visibleIssues } from "~/models/scopes.server";
import { notFound, refused, versionedUpdate, type CreateResult, type Refused, type WriteResult } from "~/models/writes.server";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { Clause, ClauseStatus, ConcurrenceResponse, Visibility } from "~db/schema";

export interface DiffPart {
  text: string;
  change: "same" | "added" | "removed";
}

/** A word-level difference of the proposed wording against the current text. */
export function wordDiff(current: string, proposed: string): DiffPart[] {
  return diffWords(current, proposed).map((p) => ({ text: p.value, change: p.added ? "added" : p.removed ? "removed" : "same" }));
}

export interface ClauseListRow {
  id: string;
  reference: string;
  title: string;
  topic: Clause["topic"];
  status: ClauseStatus;
  illustrative: boolean;
  visibility: Visibility;
  issues: { id: string; title: string }[];
  amendments: number;
}

export async function listClauses(db: DB, user: SessionUser): Promise<ClauseListRow[]> {
  const clauses = await visibleClauses(db, user)
    .selectAll("cl")
    .where("cl.archived_at", "is", null)
    .orderBy("cl.position")
    .orderBy("cl.reference")
    .execute();
  if (clauses.length === 0) return [];
  const ids = clauses.map((c) => c.id);
  const [issues, counts] = await Promise.all([
    issuesOf(db, user, ids),
    visibleAmendments(db, user)
      .select(["am.clause_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("am.clause_id", "in", ids)
      .groupBy("am.clause_id")
      .execute(),
  ]);
  return clauses.map((c) => ({
    id: c.id,
    reference: c.reference,
    title: c.title,
    topic: c.topic,
    status: c.status,
    illustrative: c.illustrative === 1,
    visibility: c.visibility,
    issues: issues.filter((i) => i.clause_id === c.id).map(({ id, title }) => ({ id, title })),
    amendments: Number(counts.find((n) => n.clause_id === c.id)?.n ?? 0),
  }));
}

async function issuesOf(db: Executor, user: SessionUser, clauseIds: readonly string[]) {
  if (clauseIds.length === 0) return [];
  return db
    .selectFrom("clause_issues as ci")
    .innerJoin("issues as i2", "i2.id", "ci.issue_id")
    .select(["ci.clause_id", "i2.id", "i2.title"])
    .where("ci.clause_id", "in", [...clauseIds])
    .where("ci.issue_id", "in", visibleIssues(db as DB, user).select("i.id"))
    .orderBy("i2.title")
    .execute();
}

export async function getVisibleClause(db: Executor, user: SessionUser, id: string): Promise<Clause | undefined> {
  return visibleClauses(db, user).selectAll("cl").where("cl.id", "=", id).executeTakeFirst();
}

export interface AmendmentView {
  id: string;
  organizationId: string;
  organization: string;
  proposedText: string;
  rationale: string | null;
  visibility: Visibility;
  createdAt: string;
  needsConcurrence: boolean;
  tabledAt: string | null;
  /** The latest tabled proposal: the one on the table. */
  onTable: boolean;
  diff: DiffPart[];
  concurrence: ConcurrenceView | null;
}

export interface ConcurrenceView {
  required: {
    organizationId: string;
    organization: string;
    response: ConcurrenceResponse | null;
    comment: string | null;
    respondedAt: string | null;
  }[];
  complete: boolean;
}

export async function clauseDetail(db: DB, user: SessionUser, clause: Clause) {
  const [issues, history, amendments] = await Promise.all([
    issuesOf(db, user, [clause.id]),
    db
      .selectFrom("clause_status_changes as h")
      .leftJoin("users as u", "u.id", "h.actor_id")
      .select(["h.id", "h.from_status", "h.to_status", "h.note", "h.at", "u.display_name as actor"])
      .where("h.clause_id", "=", clause.id)
      .orderBy("h.at")
      .orderBy("h.id")
      .execute(),
    amendmentsOf(db, user, clause),
  ]);
  return { issues: issues.map(({ id, title }) => ({ id, title })), history, amendments };
}

async function amendmentsOf(db: DB, user: SessionUser, clause: Clause): Promise<AmendmentView[]> {
  const rows = await visibleAmendments(db, user)
    .innerJoin("organizations as o", "o.id", "am.organization_id")
    .leftJoin("amendment_tablings as t", "t.amendment_id", "am.id")
    .select([
      "am.id",
      "am.organization_id",
      "o.short_name",
      "am.proposed_text",
      "am.rationale",
      "am.visibility",
      "am.created_at",
      "am.needs_concurrence",
      "t.tabled_at",
    ])
    .where("am.clause_id", "=", clause.id)
    .orderBy("am.seq")
    .execute();
  const ids = rows.map((r) => r.id);
  const internal = visibleConcurrencesFor(db, user, ids);
  const [requests, answers] = await Promise.all([
    // Who is asked to concur is the Indian side's business.
    ids.length && isInternal(user)
      ? db
          .selectFrom("concurrence_requests as cr")
          .innerJoin("organizations as o", "o.id", "cr.organization_id")
          .select(["cr.amendment_id", "cr.organization_id", "o.short_name"])
          .where("cr.amendment_id", "in", ids)
          .orderBy("o.name")
          .execute()
      : Promise.resolve([]),
    internal,
  ]);
  // The proposal on the table: the latest tabled one (others' proposals are tabled as made).
  const tabled = rows.filter((r) => r.needs_concurrence === 0 || r.tabled_at !== null);
  const onTable = tabled.at(-1)?.id;
  return rows.map((r) => {
    const asked = concurrence.summarize(
      requests.filter((q) => q.amendment_id === r.id),
      answers.filter((a) => a.amendment_id === r.id),
    );
    return {
      id: r.id,
      organizationId: r.organization_id,
      organization: r.short_name,
      proposedText: r.proposed_text,
      rationale: r.rationale,
      // Once tabled, an Indian proposal is shared with the parties.
      visibility: r.tabled_at ? "shared" : r.visibility,
      createdAt: r.created_at,
      needsConcurrence: r.needs_concurrence === 1,
      tabledAt: r.tabled_at,
      onTable: r.id === onTable,
      diff: wordDiff(clause.current_text, r.proposed_text),
      concurrence: r.needs_concurrence === 1 && asked.required.length ? asked : null,
    };
  });
}

function visibleConcurrencesFor(db: DB, user: SessionUser, amendmentIds: readonly string[]) {
  if (amendmentIds.length === 0) return Promise.resolve([]);
  return visibleConcurrences(db, user)
    .select(["cc.amendment_id", "cc.organization_id", "cc.response", "cc.comment", "cc.responded_at"])
    .where("cc.amendment_id", "in", [...amendmentIds])
    .execute();
}

/**
 * The proposal on the table for each visible clause: the latest tabled one the reader may see
 * (others' proposals are tabled as made; India's once tabled after concurrence). For the brief.
 */
export async function onTheTable(db: DB, user: SessionUser) {
  const rows = await visibleAmendments(db, user)
    .innerJoin("organizations as o", "o.id", "am.organization_id")
    .leftJoin("amendment_tablings as t", "t.amendment_id", "am.id")
    .select([
      "am.clause_id",
      "am.seq",
      "am.proposed_text",
      "am.visibility",
      "am.needs_concurrence",
      "t.tabled_at",
      "o.short_name",
    ])
    .where((eb) => eb.or([eb("am.needs_concurrence", "=", 0), eb("t.tabled_at", "is not", null)]))
    .orderBy("am.clause_id")
    .orderBy("am.seq")
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.clause_id, r);
  return [...latest.values()].map((r) => ({
    clauseId: r.clause_id,
    organization: r.short_name,
    text: r.proposed_text,
    visibility: (r.tabled_at ? "shared" : r.visibility) as Visibility,
  }));
}

// ---- Writes ------------------------------------------------------------------------------------

export interface AmendmentInput {
  organizationId: string;
  proposedText: string;
  rationale?: string | undefined;
  visibility: Visibility;
  /** For the Government of India's proposals; the five default ministries when empty. */
  concurrenceOrganizationIds?: readonly string[] | undefined;
}

export type ProposeRefusal =
  | Refused<"not_your_organization">
  | Refused<"unknown_organization">
  | Refused<"shared_before_tabling">
  | Refused<"level_not_allowed">
  | Refused<"unchanged_text">
  | Refused<"clause_archived">;

/** The Government of India's proposals (its ministries, on the Indian side) need concurrence. */
export function isIndianGovernment(org: { side: string; kind: string }): boolean {
  return org.side === "india" && org.kind === "ministry";
}

export async function proposeAmendment(
  db: DB,
  user: SessionUser,
  clause: Clause,
  input: AmendmentInput,
): Promise<CreateResult<{ id: string }, ProposeRefusal>> {
  if (clause.archived_at) return refused("clause_archived");
  const org = await db
    .selectFrom("organizations")
    .select(["id", "side", "kind", "archived_at"])
    .where("id", "=", input.organizationId)
    .executeTakeFirst();
  if (!org || org.archived_at) return refused("unknown_organization");
  if (!can(user, "amendments:propose", { organizationId: org.id, organizationSide: org.side, visibility: input.visibility })) {
    return can(user, "amendments:propose", { organizationId: org.id, organizationSide: org.side })
      ? refused("level_not_allowed")
      : refused("not_your_organization");
  }
  if (input.proposedText === clause.current_text) return refused("unchanged_text");
  const needsConcurrence = isIndianGovernment(org);
  // India's proposal becomes shared only by tabling, after every ministry concurred.
  if (needsConcurrence && input.visibility === "shared") return refused("shared_before_tabling");
  const now = nowIso();
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const last = await tx
      .selectFrom("clause_amendments")
      .select((eb) => eb.fn.max("seq").as("seq"))
      .where("clause_id", "=", clause.id)
      .executeTakeFirst();
    await tx
      .insertInto("clause_amendments")
      .values({
        id,
        clause_id: clause.id,
        seq: Number(last?.seq ?? 0) + 1,
        organization_id: org.id,
        proposed_text: input.proposedText,
        rationale: input.rationale ?? null,
        visibility: input.visibility,
        needs_concurrence: needsConcurrence ? 1 : 0,
        created_by: user.id,
        created_at: now,
      })
      .execute();
    if (needsConcurrence) await concurrence.ask(tx, "amendment", id, input.concurrenceOrganizationIds);
    await recordAudit(tx, {
      actorId: user.id,
      action: "clause_amendment.propose",
      // Under the proposal, so the feed shows it to those who may see the proposal only.
      entityType: "clause_amendment",
      entityId: id,
      after: { clauseId: clause.id, organizationId: org.id, visibility: input.visibility },
      at: now,
    });
  });
  return { ok: true, record: { id } };
}

export interface ConcurrenceInput extends concurrence.AnswerInput {
  amendmentId: string;
}

/** One ministry's answer, for the user's own organization only, once, and only before tabling. */
export async function respondToConcurrence(
  db: DB,
  user: SessionUser,
  clause: Clause,
  input: ConcurrenceInput,
): Promise<WriteResult<{ id: string }, concurrence.AnswerRefusal>> {
  const amendment = await amendmentOnClause(db, user, clause, input.amendmentId);
  if (!amendment) return notFound;
  return concurrence.answer(db, user, "amendment", amendment.id, input, {
    action: "concurrence.respond",
    // Its own type: the ministries' answers stay out of the feed (decision 016).
    entityType: "concurrence",
    after: { clauseId: clause.id, response: input.response },
  });
}

/** Tables an Indian proposal once every named ministry has concurred: from then on it is shared. */
export async function tableAmendment(
  db: DB,
  user: SessionUser,
  clause: Clause,
  amendmentId: string,
): Promise<WriteResult<{ id: string }, concurrence.TablingRefusal>> {
  const amendment = await amendmentOnClause(db, user, clause, amendmentId);
  if (!amendment) return notFound;
  return concurrence.tableWhenConcurred(db, user, "amendment", amendment, () => ({
    action: "clause_amendment.table",
    entityType: "clause_amendment",
    after: { clauseId: clause.id },
  }));
}

/** The amendment, if the user may see it and it is proposed to the clause. */
function amendmentOnClause(db: DB, user: SessionUser, clause: Clause, amendmentId: string) {
  return visibleAmendments(db, user)
    .select(["am.id", "am.needs_concurrence", "am.visibility"])
    .where("am.id", "=", amendmentId)
    .where("am.clause_id", "=", clause.id)
    .executeTakeFirst();
}

/** A clause's status moves with a note; the change is kept in its history. */
export async function setClauseStatus(
  db: DB,
  user: SessionUser,
  id: string,
  expectedVersion: number,
  status: ClauseStatus,
  note: string | undefined,
): Promise<WriteResult<Clause>> {
  return versionedUpdate(db, {
    table: "clauses",
    id,
    actorId: user.id,
    expectedVersion,
    load: (tx) => getVisibleClause(tx, user, id),
    result: (c: Clause) => c,
    set: () => ({ status }),
    alongside: async (tx, before, now) => {
      await tx
        .insertInto("clause_status_changes")
        .values({
          id: newId(),
          clause_id: id,
          from_status: before.status,
          to_status: status,
          note: note ?? null,
          actor_id: user.id,
          at: now,
        })
        .execute();
    },
    action: "clause.status",
  });
}

/** Proposals awaiting the answer of the user's organization: what the dashboard shows a ministry. */
export async function awaitingConcurrence(db: DB, user: SessionUser) {
  if (!can(user, "concurrence:respond")) return [];
  return visibleAmendments(db, user)
    .innerJoin("concurrence_requests as cr", "cr.amendment_id", "am.id")
    .innerJoin("clauses as c2", "c2.id", "am.clause_id")
    .innerJoin("organizations as o", "o.id", "am.organization_id")
    .select(["am.id", "am.clause_id", "c2.reference", "c2.title", "o.short_name as proposer", "am.created_at"])
    .where("cr.organization_id", "=", user.organizationId)
    .where("am.id", "not in", concurrence.settledFor(db, "amendment", user.organizationId))
    .orderBy("am.created_at")
    .execute();
}

/** Seeds and tests: a clause with its issues. */
export async function createClause(
  db: DB,
  actorId: string | null,
  input: {
    reference: string;
    title: string;
    topic: Clause["topic"];
    currentText: string;
    illustrative: boolean;
    status: ClauseStatus;
    visibility: Visibility;
    position: number;
    issueIds: readonly string[];
  },
): Promise<Clause> {
  const now = nowIso();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("clauses")
      .values({
        id: newId(),
        reference: input.reference,
        title: input.title,
        topic: input.topic,
        current_text: input.currentText,
        illustrative: input.illustrative ? 1 : 0,
        status: input.status,
        visibility: input.visibility,
        position: input.position,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.issueIds.length)
      await tx
        .insertInto("clause_issues")
        .values(input.issueIds.map((issue_id) => ({ clause_id: row.id, issue_id })))
        .execute();
    await tx
      .insertInto("clause_status_changes")
      .values({
        id: newId(),
        clause_id: row.id,
        from_status: null,
        to_status: input.status,
        note: null,
        actor_id: actorId,
        at: now,
      })
      .execute();
    await recordAudit(tx, { actorId, action: "clause.create", entityType: "clause", entityId: row.id, after: row, at: now });
    return row;
  });
}

/**
 * The register as rows for CSV: each visible clause, then each proposal on it the reader may see
 * (India's only once tabled, for the other party), from the same scopes as the pages.
 */
export async function agreementExportRows(db: DB, user: SessionUser) {
  const clauses = await listClauses(db, user);
  const ids = clauses.map((c) => c.id);
  const amendments = ids.length
    ? await visibleAmendments(db, user)
        .innerJoin("organizations as o", "o.id", "am.organization_id")
        .leftJoin("amendment_tablings as t", "t.amendment_id", "am.id")
        .select([
          "am.clause_id",
          "am.seq",
          "o.short_name",
          "am.proposed_text",
          "am.visibility",
          "am.needs_concurrence",
          "t.tabled_at",
        ])
        .where("am.clause_id", "in", ids)
        .orderBy("am.clause_id")
        .orderBy("am.seq")
        .execute()
    : [];
  return clauses.map((c) => ({
    clause: c,
    proposals: amendments
      .filter((a) => a.clause_id === c.id)
      .map((a) => ({
        organization: a.short_name,
        text: a.proposed_text,
        visibility: (a.tabled_at ? "shared" : a.visibility) as Visibility,
        tabledAt: a.needs_concurrence === 1 ? a.tabled_at : null,
        inConcurrence: a.needs_concurrence === 1 && !a.tabled_at,
      })),
  }));
}
