/**
 * India's inter-ministerial concurrence (decision 016), one flow for both things that go through
 * it: a proposed amendment to a clause and India's position on an issue. Each has its own three
 * tables (who is asked, who answered, when it was tabled); the rules are the same: a ministry
 * answers once, for its own organization, before tabling; an objection or a comment needs words;
 * tabling waits until every ministry asked has concurred. Writes return codes, never sentences.
 */
import { can, type SessionUser } from "~/models/access.server";
import { recordAudit, type AuditInput, type Executor } from "~/models/audit.server";
import { refused, type Refused, type WriteResult } from "~/models/writes.server";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { ConcurrenceResponse } from "~db/schema";

/** The ministries whose concurrence India needs by default before it tables a proposal. */
export const DEFAULT_CONCURRENCE = [
  "Ministry of Commerce and Industry",
  "Ministry of Mines",
  "Ministry of External Affairs",
  "Department of Atomic Energy",
  "Ministry of Law and Justice",
] as const;

export type ConcurrenceSubject = "amendment" | "position";

/**
 * Each subject's tables and the column naming the subject in all three. Queries over
 * `TABLES[subject]` are typed against both subjects' tables at once, so this table is what keeps
 * an amendment's rows out of the positions' tables.
 */
const TABLES = {
  amendment: { requests: "concurrence_requests", answers: "concurrences", tablings: "amendment_tablings", key: "amendment_id" },
  position: {
    requests: "position_concurrence_requests",
    answers: "position_concurrences",
    tablings: "position_tablings",
    key: "position_id",
  },
} as const;

/** The audit event a write records, less what the flow fills in (actor, time, subject). */
type AuditOf = Pick<AuditInput, "action" | "entityType" | "after" | "detail">;

/**
 * Asks the named organizations (those not archived) or, when none are named, the default
 * ministries to concur. Inside the subject's own transaction.
 */
export async function ask(
  tx: Executor,
  subject: ConcurrenceSubject,
  subjectId: string,
  organizationIds?: readonly string[],
): Promise<void> {
  const named = organizationIds?.length
    ? await tx
        .selectFrom("organizations")
        .select("id")
        .where("id", "in", [...organizationIds])
        .where("archived_at", "is", null)
        .execute()
    : await tx
        .selectFrom("organizations")
        .select("id")
        .where("name", "in", [...DEFAULT_CONCURRENCE])
        .execute();
  if (named.length === 0) return;
  const t = TABLES[subject];
  await tx
    .insertInto(t.requests)
    .values(named.map((o) => ({ [t.key]: subjectId, organization_id: o.id })))
    .execute();
}

async function isTabled(tx: Executor, subject: ConcurrenceSubject, subjectId: string): Promise<boolean> {
  const t = TABLES[subject];
  const row = await tx.selectFrom(t.tablings).select(t.key).where(t.key, "=", subjectId).executeTakeFirst();
  return row !== undefined;
}

export interface AnswerInput {
  response: ConcurrenceResponse;
  comment?: string | undefined;
  visibility: "internal" | "restricted";
}

export type AnswerRefusal =
  Refused<"not_requested"> | Refused<"already_answered"> | Refused<"already_tabled"> | Refused<"comment_required">;

/**
 * One ministry's answer on a subject the caller has found visible: for the user's own
 * organization only, once, and only before tabling.
 */
export async function answer(
  db: DB,
  user: SessionUser,
  subject: ConcurrenceSubject,
  subjectId: string,
  input: AnswerInput,
  audit: AuditOf,
): Promise<WriteResult<{ id: string }, AnswerRefusal>> {
  if (input.response !== "concur" && !input.comment) return refused("comment_required");
  const t = TABLES[subject];
  const now = nowIso();
  const id = newId();
  return db.transaction().execute(async (tx) => {
    if (await isTabled(tx, subject, subjectId)) return refused("already_tabled");
    const requested = await tx
      .selectFrom(t.requests)
      .select("organization_id")
      .where(t.key, "=", subjectId)
      .where("organization_id", "=", user.organizationId)
      .executeTakeFirst();
    if (!requested || !can(user, "concurrence:respond", { organizationId: requested.organization_id }))
      return refused("not_requested");
    const answered = await tx
      .selectFrom(t.answers)
      .select("id")
      .where(t.key, "=", subjectId)
      .where("organization_id", "=", user.organizationId)
      .executeTakeFirst();
    if (answered) return refused("already_answered");
    const answer = {
      id,
      organization_id: user.organizationId,
      response: input.response,
      comment: input.comment ?? null,
      visibility: input.visibility,
      responded_by: user.id,
      responded_at: now,
    };
    await tx
      .insertInto(t.answers)
      .values({ ...answer, [t.key]: subjectId })
      .execute();
    await recordAudit(tx, { ...audit, actorId: user.id, entityId: subjectId, at: now });
    return { ok: true as const, record: { id } };
  });
}

export type TablingRefusal =
  Refused<"already_tabled"> | Refused<"not_in_concurrence"> | Refused<"concurrence_incomplete"> | Refused<"restricted_fallback">;

/**
 * Tables a subject the caller has found visible once every ministry asked has concurred: from
 * then on it reads as shared. `audit` receives the tabling time.
 */
export async function tableWhenConcurred(
  db: DB,
  user: SessionUser,
  subject: ConcurrenceSubject,
  row: { id: string; needs_concurrence: number; visibility: string },
  audit: (tabledAt: string) => AuditOf,
): Promise<WriteResult<{ id: string }, TablingRefusal>> {
  if (row.needs_concurrence !== 1) return refused("not_in_concurrence");
  // A restricted fall-back is India's own reserve wording: it is never put on the table.
  if (row.visibility === "restricted") return refused("restricted_fallback");
  const t = TABLES[subject];
  const now = nowIso();
  return db.transaction().execute(async (tx) => {
    if (await isTabled(tx, subject, row.id)) return refused("already_tabled");
    const required = await tx.selectFrom(t.requests).select("organization_id").where(t.key, "=", row.id).execute();
    const answers = await tx.selectFrom(t.answers).select(["organization_id", "response"]).where(t.key, "=", row.id).execute();
    const concurred = new Set(answers.filter((a) => a.response !== "object").map((a) => a.organization_id));
    if (required.length === 0 || required.some((r) => !concurred.has(r.organization_id)))
      return refused("concurrence_incomplete");
    await tx
      .insertInto(t.tablings)
      .values({ [t.key]: row.id, tabled_by: user.id, tabled_at: now })
      .execute();
    await recordAudit(tx, { ...audit(now), actorId: user.id, entityId: row.id, at: now });
    return { ok: true as const, record: { id: row.id } };
  });
}

/**
 * The subjects an organization no longer has to answer: those it answered and those tabled.
 * For "awaiting your concurrence" lists, as `where(id, "not in", …)`.
 */
export function settledFor(db: DB, subject: ConcurrenceSubject, organizationId: string) {
  const t = TABLES[subject];
  return db
    .selectFrom(t.answers)
    .select(`${t.key} as subject_id`)
    .where("organization_id", "=", organizationId)
    .union(db.selectFrom(t.tablings).select(`${t.key} as subject_id`));
}

export interface RequiredAnswer {
  organizationId: string;
  organization: string;
  response: ConcurrenceResponse | null;
  comment: string | null;
  respondedAt: string | null;
}

/**
 * Who was asked, each with its answer if it gave one, and whether all have concurred (answered
 * without objecting).
 */
export function summarize(
  requests: readonly { organization_id: string; short_name: string }[],
  answers: readonly { organization_id: string; response: ConcurrenceResponse; comment: string | null; responded_at: string }[],
): { required: RequiredAnswer[]; complete: boolean } {
  const required = requests.map((q) => {
    const a = answers.find((x) => x.organization_id === q.organization_id);
    return {
      organizationId: q.organization_id,
      organization: q.short_name,
      response: a?.response ?? null,
      comment: a?.comment ?? null,
      respondedAt: a?.responded_at ?? null,
    };
  });
  return { required, complete: required.every((q) => q.response !== null && q.response !== "object") };
}
