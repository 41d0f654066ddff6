/**
 * Consultations: meetings, calls and written exchanges, with participants, notes, outcome and
 * follow-up actions. Every read starts from `visibleConsultations`, so rows a user may not see never
 * leave the database; every write is versioned, audited and keeps the search document in step.
 */

import { assignableVisibilities, can, type SessionUser } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import { visibleConsultations, visibleHistoryEvents } from "~/models/scopes.server";
import { snippetAround, splitSnippet, toSearchPlan, type SnippetPart } from "~/models/search";
import { taggedIds } from "~/models/tags.server";
import {
  claimVersion,
  refused,
  versionedUpdate,
  type CreateResult,
  type Refused,
  type WriteResult,
} from "~/models/writes.server";
import type { ConsultationFilter, ConsultationForm } from "~/schemas/consultations";
import { instantCells, instantHeaders, toCsv } from "~/utils/csv.server";
import type { Cursor } from "~/utils/cursor";
import type { DB } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { newId, nowIso } from "~/utils/ids.server";
import { utcToZonedLocal, zonedLocalToUtc } from "~/utils/time";
import { readerTimeZone } from "~/utils/zones";
import type { ActionStatus, Consultation, ConsultationKind, FollowUpAction, Visibility } from "~db/schema";
import {
  replaceSearchDocument,
  searchJoin,
  searchMatches,
  searchNeedsOwnSnippet,
  searchNewestFirst,
  searchRank,
  searchSnippet,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
} from "~db/sql";

export const PAGE_SIZE = 25;
export const SEARCH_LIMIT = 50;
export const ACTIONS_PAGE_SIZE = 50;

export interface Participant {
  id: string;
  name: string;
  shortName: string;
}

export interface ConsultationDetail {
  consultation: Consultation;
  participants: Participant[];
  actions: (FollowUpAction & { owner_name: string; owner_short_name: string })[];
}

export type ConsultationInput = Omit<ConsultationForm, "submissionKey">;

// ---- Reads ---------------------------------------------------------------------------------

/**
 * How many documents a list's `?q=` may match for the list to read them by id; past this it
 * probes each row it walks instead (see `listMatches`).
 */
export const LIST_MATCH_CAP = 2_000;

/** The consultations a `?q=` matches: their ids when few, or "many". */
export type ListMatches = { ids: string[] } | "many";

/**
 * Reads at most `LIST_MATCH_CAP + 1` matches of the list's words. A rare word's few matches are
 * then read by id and sorted, and a common word's list walks (starts_at, id) and probes the
 * search index by key for each row until the page is full: either way the cost stays near a
 * page's, where `id in (every match)` cost all the matches of a common word (decision 012).
 */
export async function listMatches(db: Executor, q: string | undefined): Promise<ListMatches | null> {
  const plan = q ? toSearchPlan(q) : null;
  if (!plan) return null;
  const rows = await db
    .selectFrom("consultation_search")
    .select("consultation_search.consultation_id")
    .where(searchMatches(db, plan))
    .limit(LIST_MATCH_CAP + 1)
    .execute();
  return rows.length > LIST_MATCH_CAP ? "many" : { ids: rows.map((r) => r.consultation_id) };
}

/**
 * The filtered, visible list query, newest first; shared by the page, the CSV and the plan test.
 * `matches` is what `listMatches` found for `filter.q`; without it every row is probed.
 */
export function consultationListQuery(
  db: Executor,
  user: SessionUser,
  filter: ConsultationFilter,
  cursor: Cursor | null,
  matches: ListMatches | null = "many",
) {
  const byKey = filter.q !== undefined && matches !== null && matches !== "many";
  let query = visibleConsultations(db, user, { byKey });
  const archived = filter.archived ?? "exclude";
  if (archived === "exclude") query = query.where("c.archived_at", "is", null);
  if (archived === "only") query = query.where("c.archived_at", "is not", null);
  if (filter.kind) query = query.where("c.kind", "=", filter.kind);
  if (filter.visibility) query = query.where("c.visibility", "=", filter.visibility);
  // Dates are read as days in India, as the list shows them: `to` runs to the end of that day.
  if (filter.from) query = query.where("c.starts_at", ">=", startOfIndianDay(filter.from));
  if (filter.to) query = query.where("c.starts_at", "<", startOfIndianDay(nextDay(filter.to)));
  if (filter.tag) query = query.where("c.id", "in", taggedIds(db, user, "consultation", filter.tag));
  if (filter.org) {
    const org = filter.org;
    query = query.where("c.id", "in", (eb) =>
      eb.selectFrom("consultation_participants as fp").select("fp.consultation_id").where("fp.organization_id", "=", org),
    );
  }
  const plan = filter.q ? toSearchPlan(filter.q) : null;
  if (plan && matches !== null && matches !== "many") {
    // Matches no row when there were none: an id is never the empty string.
    query = matches.ids.length > 0 ? query.where("c.id", "in", matches.ids) : query.where("c.id", "=", "");
  } else if (plan) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("consultation_search")
          .select("consultation_search.consultation_id")
          .where(searchJoin(db))
          .where(searchMatches(db, plan)),
      ),
    );
  }
  if (cursor) {
    // A row-value comparison: one index range, not an OR the planner cannot seek on.
    query = query.where((eb) => eb(eb.refTuple("c.starts_at", "c.id"), "<", eb.tuple(cursor.key, cursor.id)));
  }
  return query
    .select(["c.id", "c.title", "c.starts_at", "c.time_zone", "c.kind", "c.mode", "c.visibility", "c.archived_at", "c.location"])
    .orderBy("c.starts_at", "desc")
    .orderBy("c.id", "desc");
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function startOfIndianDay(date: string): string {
  return zonedLocalToUtc(`${date}T00:00`, "Asia/Kolkata") ?? `${date}T00:00:00.000Z`;
}

export type ListRow = Awaited<ReturnType<typeof listConsultations>>["rows"][number];

export async function listConsultations(
  db: DB,
  user: SessionUser,
  filter: ConsultationFilter,
  cursor: Cursor | null,
  limit = PAGE_SIZE,
) {
  const rows = await consultationListQuery(db, user, filter, cursor, await listMatches(db, filter.q))
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const participants = await participantsOf(
    db,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({ ...r, participants: participants.get(r.id) ?? [] })),
    next: rows.length > limit && last ? { key: last.starts_at, id: last.id } : null,
  };
}

/** Participants of the given (already visible) consultations, by consultation id. */
async function participantsOf(db: Executor, ids: string[]): Promise<Map<string, Participant[]>> {
  const map = new Map<string, Participant[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom("consultation_participants as cp")
    .innerJoin("organizations as o", "o.id", "cp.organization_id")
    .select(["cp.consultation_id", "o.id", "o.name", "o.short_name"])
    .where("cp.consultation_id", "in", ids)
    .orderBy("o.name")
    .execute();
  for (const r of rows) {
    const list = map.get(r.consultation_id) ?? [];
    list.push({ id: r.id, name: r.name, shortName: r.short_name });
    map.set(r.consultation_id, list);
  }
  return map;
}

/** Every row of the filtered list as CSV, read in keyset batches under the same scope. */
export async function consultationsCsv(db: DB, user: SessionUser, filter: ConsultationFilter): Promise<string> {
  // Times in UTC and in the reader's zone; a meeting also keeps IST and JST side by side.
  const zone = readerTimeZone(user);
  const lines: unknown[][] = [
    [
      "id",
      "title",
      ...instantHeaders("starts_at", zone),
      "starts_ist",
      "starts_jst",
      "time_zone_entered",
      "kind",
      "mode",
      "visibility",
      "location",
      "participants",
      ...instantHeaders("archived_at", zone),
    ],
  ];
  let cursor: Cursor | null = null;
  for (;;) {
    const { rows, next }: Awaited<ReturnType<typeof listConsultations>> = await listConsultations(db, user, filter, cursor, 500);
    for (const r of rows) {
      lines.push([
        r.id,
        r.title,
        ...instantCells(r.starts_at, zone),
        utcToZonedLocal(r.starts_at, "Asia/Kolkata").replace("T", " "),
        utcToZonedLocal(r.starts_at, "Asia/Tokyo").replace("T", " "),
        r.time_zone,
        r.kind,
        r.mode,
        r.visibility,
        r.location ?? "",
        r.participants.map((p) => p.shortName).join("; "),
        ...instantCells(r.archived_at, zone),
      ]);
    }
    if (!next) break;
    cursor = next;
  }
  return toCsv(lines);
}

export async function getConsultation(db: Executor, user: SessionUser, id: string): Promise<ConsultationDetail | null> {
  const consultation = await visibleConsultations(db, user).selectAll("c").where("c.id", "=", id).executeTakeFirst();
  if (!consultation) return null;
  const [participants, actions] = await Promise.all([
    participantsOf(db, [id]).then((m) => m.get(id) ?? []),
    db
      .selectFrom("follow_up_actions as a")
      .innerJoin("organizations as o", "o.id", "a.owner_organization_id")
      .selectAll("a")
      .select(["o.name as owner_name", "o.short_name as owner_short_name"])
      .where("a.consultation_id", "=", id)
      .orderBy("a.position")
      .execute(),
  ]);
  return { consultation, participants, actions };
}

export interface SearchHit {
  id: string;
  title: string;
  starts_at: string;
  time_zone: string;
  kind: ConsultationKind;
  visibility: Visibility;
  archived_at: string | null;
  snippet: SnippetPart[];
}

/** How many matching consultations a search ranks at most: the newest this many it may see. */
export const SEARCH_CANDIDATES = 200;

export interface SearchNarrowing {
  /** YYYY-MM-DD, days in India, as the list reads them. */
  from?: string;
  to?: string;
  /** Only consultations this organization took part in. */
  org?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many visible consultations matched, counted up to `SEARCH_CANDIDATES`. */
  matched: number;
  /** More than `SEARCH_CANDIDATES` matched: only the newest of them were ranked. */
  more: boolean;
}

/**
 * Ranked full-text search over visible consultations, with bounded work whatever the word: the
 * newest `SEARCH_CANDIDATES` visible matches (FTS5 read backwards by rowid, each row's visibility
 * checked by key) are ranked by bm25 and the best `limit` returned. Every language: words go to
 * the word index, runs of Japanese of three characters or more to the trigram index, shorter ones
 * to the word index's bigram columns (see `toSearchPlan`). A word in nearly every record
 * then costs about what a rare one does; the page says when more matched and offers narrowing by
 * date and organization, which moves the window (decision 012).
 */
export async function searchConsultationsPage(
  db: DB,
  user: SessionUser,
  input: string,
  narrowing: SearchNarrowing = {},
  limit = SEARCH_LIMIT,
): Promise<SearchResult> {
  const fts = toSearchPlan(input);
  if (!fts) return { hits: [], matched: 0, more: false };
  let candidates = visibleConsultations(db, user)
    .innerJoin("consultation_search", (join) => join.on(searchJoin(db)))
    .where(searchMatches(db, fts));
  if (narrowing.from) candidates = candidates.where("c.starts_at", ">=", startOfIndianDay(narrowing.from));
  if (narrowing.to) candidates = candidates.where("c.starts_at", "<", startOfIndianDay(nextDay(narrowing.to)));
  if (narrowing.org) {
    const org = narrowing.org;
    candidates = candidates.where((eb) =>
      eb.exists(
        eb
          .selectFrom("consultation_participants as fp")
          .select("fp.consultation_id")
          .whereRef("fp.consultation_id", "=", "c.id")
          .where("fp.organization_id", "=", org),
      ),
    );
  }
  const window = candidates
    .select(["c.id", "c.title", "c.starts_at", "c.time_zone", "c.kind", "c.visibility", "c.archived_at"])
    .select([searchSnippet(db, fts).as("snippet"), searchRank(db, fts).as("rank")])
    .select([
      "consultation_search.title as t",
      "consultation_search.agenda as a",
      "consultation_search.notes as n",
      "consultation_search.outcome as o",
      "consultation_search.actions as x",
    ])
    .orderBy(searchNewestFirst(db), "desc")
    .limit(SEARCH_CANDIDATES + 1);
  const rows = await db
    .selectFrom(window.as("w"))
    .selectAll("w")
    .select((eb) => eb.fn.countAll<number>().over().as("matched"))
    .orderBy("w.rank")
    .orderBy("w.starts_at", "desc")
    .limit(limit)
    .execute();
  const matched = Number(rows[0]?.matched ?? 0);
  const ownSnippet = searchNeedsOwnSnippet(db, fts);
  return {
    hits: rows.map(({ rank: _rank, matched: _matched, t, a, n, o, x, snippet, ...r }) => ({
      ...r,
      // An FTS5 snippet of a bigram-column hit would show pairs of characters, and a trigram-only
      // plan has none: those snippets are cut from the text here.
      snippet: splitSnippet(
        ownSnippet ? snippetAround([n, a, o, x, t], fts.terms, SNIPPET_OPEN, SNIPPET_CLOSE) : snippet,
        SNIPPET_OPEN,
        SNIPPET_CLOSE,
      ),
    })),
    matched: Math.min(matched, SEARCH_CANDIDATES),
    more: matched > SEARCH_CANDIDATES,
  };
}

/** The best matches alone (see `searchConsultationsPage`). */
export async function searchConsultations(db: DB, user: SessionUser, input: string, limit = SEARCH_LIMIT): Promise<SearchHit[]> {
  return (await searchConsultationsPage(db, user, input, {}, limit)).hits;
}

// ---- Follow-up actions across consultations -------------------------------------------------

export interface ActionsFilter {
  ownerOrganizationId?: string;
  status: "open" | "all";
}

/**
 * Keyset position in the actions list. The list is three index-friendly runs read in order: open
 * actions with a due date (soonest first), open ones without (by id), then done and dropped ones
 * (most recently changed first). The cursor names the run and the last row's key in it.
 */

function actionsSegment(db: DB, user: SessionUser, filter: ActionsFilter, segment: 0 | 1 | 2, after: Cursor | null) {
  let query = visibleConsultations(db, user)
    .innerJoin("follow_up_actions as a", "a.consultation_id", "c.id")
    .innerJoin("organizations as o", "o.id", "a.owner_organization_id")
    .where("c.archived_at", "is", null);
  if (filter.ownerOrganizationId) query = query.where("a.owner_organization_id", "=", filter.ownerOrganizationId);
  const selected = query.select([
    "a.id",
    "a.description",
    "a.due_date",
    "a.status",
    "a.completed_at",
    "a.version",
    "a.updated_at",
    "a.owner_organization_id",
    "o.short_name as owner_short_name",
    "o.name as owner_name",
    "c.id as consultation_id",
    "c.title as consultation_title",
  ]);
  if (segment === 0) {
    let q = selected.where("a.status", "=", "open").where("a.due_date", "is not", null);
    if (after) q = q.where((eb) => eb(eb.refTuple("a.due_date", "a.id"), ">", eb.tuple(after.key, after.id)));
    return q.orderBy("a.due_date", "asc").orderBy("a.id", "asc");
  }
  if (segment === 1) {
    let q = selected.where("a.status", "=", "open").where("a.due_date", "is", null);
    if (after) q = q.where("a.id", ">", after.id);
    return q.orderBy("a.id", "asc");
  }
  let q = selected.where("a.status", "<>", "open");
  if (after) q = q.where((eb) => eb(eb.refTuple("a.updated_at", "a.id"), "<", eb.tuple(after.key, after.id)));
  return q.orderBy("a.updated_at", "desc").orderBy("a.id", "desc");
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsSegment>["execute"]>>[number];

function positionOf(segment: 0 | 1 | 2, row: ActionRow): Cursor {
  return { run: segment, key: segment === 0 ? (row.due_date ?? "") : segment === 2 ? row.updated_at : "", id: row.id };
}

/** Follow-up actions of visible, unarchived consultations: open ones first, soonest due first. */
export async function listFollowUpActions(
  db: DB,
  user: SessionUser,
  filter: ActionsFilter,
  cursor: Cursor | null = null,
  limit = ACTIONS_PAGE_SIZE,
) {
  const segments = ((filter.status === "open" ? [0, 1] : [0, 1, 2]) as (0 | 1 | 2)[]).filter(
    (segment) => !cursor || segment >= (cursor.run ?? 0),
  );
  // Every run is read at once, each limited to a page: the page runs the same statements however
  // many actions exist (decision 012).
  const runs = await Promise.all(
    segments.map((segment) =>
      actionsSegment(db, user, filter, segment, cursor && segment === (cursor.run ?? 0) ? cursor : null)
        .limit(limit + 1)
        .execute(),
    ),
  );
  const rows: ActionRow[] = [];
  let last: Cursor | null = null;
  for (const [index, segment] of segments.entries()) {
    const wanted = limit - rows.length;
    const found = runs[index]!.slice(0, wanted + 1);
    if (found.length > wanted) {
      const taken = found.slice(0, wanted);
      rows.push(...taken);
      const end = taken[taken.length - 1];
      // More rows follow: continue after the page's last row, in the run that row belongs to.
      return { rows, next: end ? positionOf(segment, end) : (last ?? cursor) };
    }
    rows.push(...found);
    const end = found[found.length - 1];
    if (end) last = positionOf(segment, end);
  }
  return { rows, next: null };
}

export function isOverdue(action: { status: ActionStatus; due_date: string | null }, today: string): boolean {
  return action.status === "open" && action.due_date !== null && action.due_date < today;
}

type CompleteRefusal = Refused<"forbidden" | "not_open">;
export type CompleteResult = WriteResult<FollowUpAction, CompleteRefusal>;

/**
 * Marks a follow-up action done. The action must belong to a consultation the user can see (else
 * "not_found", shown as 404) and to the user's own organization.
 */
export async function completeFollowUpAction(
  db: DB,
  user: SessionUser,
  actionId: string,
  expectedVersion: number,
): Promise<CompleteResult> {
  return versionedUpdate(db, {
    table: "follow_up_actions",
    id: actionId,
    actorId: user.id,
    expectedVersion,
    load: async (tx) => {
      const found = await visibleConsultations(tx, user)
        .innerJoin("follow_up_actions as a", "a.consultation_id", "c.id")
        .selectAll("a")
        .select("c.visibility as consultation_visibility")
        .where("a.id", "=", actionId)
        .executeTakeFirst();
      if (!found) return undefined;
      const { consultation_visibility: level, ...action } = found;
      return actionSnapshot(action, level);
    },
    permit: (before): CompleteRefusal | null =>
      can(user, "follow_up:complete", { organizationId: before.owner_organization_id }) ? null : refused("forbidden"),
    check: (before) => (before.status !== "open" ? refused("not_open") : null),
    set: (_, now) => ({ status: "done" as const, completed_at: now }),
    action: "follow_up.complete",
    result: ({ visibility: _level, ...action }) => action,
  });
}

/**
 * A follow-up action as the audit log keeps it. An action has no level of its own: the snapshot
 * carries its consultation's level at the time, which decides who may read the entry later.
 */
function actionSnapshot(action: FollowUpAction, consultationVisibility: Visibility) {
  return { ...action, visibility: consultationVisibility };
}

// ---- Writes --------------------------------------------------------------------------------

/** Checks what the schema cannot: organizations exist, the level is the user's to give, IREL takes part. */
export async function checkConsultationInput(db: Executor, user: SessionUser, input: ConsultationInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const ids = [...new Set([...input.participants, ...input.actions.map((a) => a.ownerOrganizationId)])];
  const known = new Set(
    ids.length === 0
      ? []
      : (await db.selectFrom("organizations").select("id").where("id", "in", ids).where("archived_at", "is", null).execute()).map(
          (r) => r.id,
        ),
  );
  if (input.participants.some((id) => !known.has(id)))
    errors.participants = "One of the chosen organizations does not exist; choose from the list.";
  else if (!can(user, "consultation:create", { participantOrganizationIds: input.participants })) {
    errors.participants = `${user.organizationShortName} must be among the participants of a consultation you record.`;
  }
  input.actions.forEach((a, i) => {
    if (!known.has(a.ownerOrganizationId)) errors[`actions.${i}.ownerOrganizationId`] = "Choose an organization from the list.";
  });
  if (!assignableVisibilities(user).includes(input.visibility))
    errors.visibility = "You cannot give a consultation a level you could not read yourself.";
  return errors;
}

function searchDocument(c: Pick<Consultation, "title" | "agenda" | "notes" | "outcome">, actions: { description: string }[]) {
  return {
    title: c.title,
    agenda: c.agenda,
    notes: c.notes,
    outcome: c.outcome,
    actions: actions.map((a) => a.description).join("\n"),
  };
}

function columnsOf(input: ConsultationInput) {
  return {
    title: input.title,
    // Validated by the schema; a null here would be a bug, so fail loudly.
    starts_at:
      zonedLocalToUtc(input.startsLocal, input.timeZone) ??
      (() => {
        throw new Error("unparsable time reached the model");
      })(),
    time_zone: input.timeZone,
    mode: input.mode,
    kind: input.kind,
    location: input.location ?? null,
    agenda: input.agenda,
    notes: input.notes,
    outcome: input.outcome,
    visibility: input.visibility,
  };
}

/** The full picture of a consultation for the audit log's before and after. */
async function snapshot(tx: Executor, id: string) {
  const consultation = await tx.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const participants = (
    await tx
      .selectFrom("consultation_participants")
      .select("organization_id")
      .where("consultation_id", "=", id)
      .orderBy("organization_id")
      .execute()
  ).map((r) => r.organization_id);
  const actions = await tx
    .selectFrom("follow_up_actions")
    .selectAll()
    .where("consultation_id", "=", id)
    .orderBy("position")
    .execute();
  return { ...consultation, participants, actions };
}

export type CreateConsultationResult = CreateResult<{ id: string }, Refused<"duplicate", { id: string }>>;

export async function createConsultation(
  db: DB,
  user: SessionUser,
  input: ConsultationInput,
  submissionKey: string | null,
  at: string = nowIso(),
): Promise<CreateConsultationResult> {
  return db.transaction().execute(async (tx) => {
    if (submissionKey) {
      const existing = await tx
        .selectFrom("consultations")
        .select("id")
        .where("submission_key", "=", submissionKey)
        .executeTakeFirst();
      if (existing) return refused("duplicate", { id: existing.id });
    }
    const id = newId();
    const columns = columnsOf(input);
    await tx
      .insertInto("consultations")
      .values({
        id,
        ...columns,
        created_by: user.id,
        archived_at: null,
        created_at: at,
        updated_at: at,
        submission_key: submissionKey,
      })
      .execute();
    for (const organizationId of new Set(input.participants)) {
      await tx.insertInto("consultation_participants").values({ consultation_id: id, organization_id: organizationId }).execute();
    }
    for (const [position, a] of input.actions.entries()) await insertFollowUpAction(tx, id, a, position, at);
    await replaceSearchDocument(tx, id, searchDocument(columns, input.actions));
    await recordAudit(tx, {
      actorId: user.id,
      action: "consultation.create",
      entityType: "consultation",
      entityId: id,
      after: await snapshot(tx, id),
      at,
    });
    return { ok: true, record: { id } } as const;
  });
}

async function insertFollowUpAction(
  tx: Executor,
  consultationId: string,
  a: ConsultationInput["actions"][number],
  position: number,
  at: string,
) {
  await tx
    .insertInto("follow_up_actions")
    .values({
      id: newId(),
      consultation_id: consultationId,
      description: a.description,
      owner_organization_id: a.ownerOrganizationId,
      due_date: a.dueDate ?? null,
      status: a.status,
      completed_at: a.status === "done" ? at : null,
      position,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export type UpdateResult = WriteResult<{ id: string }, Refused<"forbidden">>;

/**
 * Applies an edit made on `expectedVersion`. A newer version means someone else saved first: the
 * edit is refused and nothing changes. Actions posted with an id are updated in place (only those
 * of this consultation); actions without one are added; none are deleted (status `dropped` instead).
 */
export async function updateConsultation(
  db: DB,
  user: SessionUser,
  id: string,
  expectedVersion: number,
  input: ConsultationInput,
): Promise<UpdateResult> {
  return versionedUpdate(db, {
    ...consultationRecord(db, user, id),
    actorId: user.id,
    expectedVersion,
    set: () => columnsOf(input),
    alongside: async (tx, before, now) => {
      const wanted = new Set(input.participants);
      const had = new Set(before.participants);
      for (const org of had)
        if (!wanted.has(org))
          await tx
            .deleteFrom("consultation_participants")
            .where("consultation_id", "=", id)
            .where("organization_id", "=", org)
            .execute();
      for (const org of wanted)
        if (!had.has(org))
          await tx.insertInto("consultation_participants").values({ consultation_id: id, organization_id: org }).execute();

      const existing = new Map(before.actions.map((a) => [a.id, a]));
      let position = before.actions.reduce((max, a) => Math.max(max, a.position + 1), 0);
      for (const a of input.actions) {
        const old = a.id ? existing.get(a.id) : undefined;
        if (!old) {
          await insertFollowUpAction(tx, id, a, position++, now);
          continue;
        }
        const changed =
          old.description !== a.description ||
          old.owner_organization_id !== a.ownerOrganizationId ||
          old.due_date !== (a.dueDate ?? null) ||
          old.status !== a.status;
        if (!changed) continue;
        // An action completed meanwhile moves its own version on: the whole edit is then a conflict.
        await claimVersion(
          tx,
          "follow_up_actions",
          old.id,
          old.version,
          {
            description: a.description,
            owner_organization_id: a.ownerOrganizationId,
            due_date: a.dueDate ?? null,
            status: a.status,
            completed_at: a.status === "done" ? (old.completed_at ?? now) : null,
          },
          now,
        );
      }
      const after = await snapshot(tx, id);
      await replaceSearchDocument(tx, id, searchDocument(after, after.actions));
    },
    action: "consultation.update",
  });
}

export async function setConsultationArchived(
  db: DB,
  user: SessionUser,
  id: string,
  expectedVersion: number,
  archived: boolean,
): Promise<UpdateResult> {
  return versionedUpdate(db, {
    ...consultationRecord(db, user, id),
    actorId: user.id,
    expectedVersion,
    set: (_, now) => ({ archived_at: archived ? now : null }),
    action: archived ? "consultation.archive" : "consultation.restore",
    // Archiving touches the row alone; its events keep the row, as they always have.
    auditView: ({ participants: _participants, actions: _actions, ...row }) => row,
  });
}

/**
 * A consultation the user may see, as the audit log keeps it (row, participants, actions); the
 * user may change it only when the access module says so for its participants.
 */
function consultationRecord(db: DB, user: SessionUser, id: string) {
  return {
    table: "consultations" as const,
    id,
    load: async (tx: Executor) =>
      (await visibleConsultations(tx, user).select("c.id").where("c.id", "=", id).executeTakeFirst())
        ? snapshot(tx, id)
        : undefined,
    reload: (tx: Executor) => snapshot(tx, id),
    permit: (before: Snapshot) =>
      can(user, "consultation:edit", { participantOrganizationIds: before.participants }) ? null : refused("forbidden"),
    result: () => ({ id }),
  };
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

// ---- History -------------------------------------------------------------------------------

/** Fields whose changes the history shows, by stored name; the UI names them (`historyFieldLabel`). */
const TRACKED_FIELDS = [
  "title",
  "starts_at",
  "time_zone",
  "mode",
  "kind",
  "location",
  "agenda",
  "notes",
  "outcome",
  "visibility",
  "archived_at",
  "participants",
  "actions",
  "status",
] as const;

export interface HistoryEntry {
  id: string;
  at: string;
  /** The audit action code; the UI words it (`historyEventLabel`). */
  action: string;
  /** Null for changes made by the system. */
  actor: string | null;
  /** `field` is the stored field's code; `after` is empty when `markedDone` says what happened. */
  changes: { field: string; before: string; after: string; markedDone?: true }[];
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        typeof v === "object" && v !== null && "description" in v
          ? `${(v as { description: string }).description} (${(v as { status: string }).status})`
          : String(v),
      )
      .join("; ");
  }
  const text = String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * The audit trail of one consultation and its follow-up actions, oldest first, as field changes.
 * Callers check that the user may see the consultation and its history first. Each event is judged
 * in the SQL by the level its own snapshots recorded (an action's carry its consultation's level):
 * IREL never sees the text of a version that was restricted, nor an older action entry that
 * recorded no level at all.
 */
export async function consultationHistory(
  db: DB,
  user: SessionUser,
  detail: ConsultationDetail,
  orgNames: Map<string, string>,
): Promise<HistoryEntry[]> {
  const ids = [detail.consultation.id, ...detail.actions.map((a) => a.id)];
  const rows = await visibleHistoryEvents(db, user, ["consultation", "follow_up_action"], ids, { partiesField: "participants" })
    .leftJoin("users as u", "u.id", "e.actor_id")
    .select(["e.id", "e.at", "e.action", "e.before_json", "e.after_json", "u.display_name as actor_name"])
    .orderBy("e.at", "asc")
    .orderBy("e.id", "asc")
    .execute();
  const name = (v: unknown) => (Array.isArray(v) ? v.map((id) => orgNames.get(String(id)) ?? String(id)) : v);
  return rows.map((r) => {
    const before = r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : {};
    const after = r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : {};
    const changes: HistoryEntry["changes"] = [];
    if (r.action !== "consultation.create") {
      for (const field of TRACKED_FIELDS) {
        if (!(field in before) && !(field in after)) continue;
        const b = field === "participants" ? name(before[field]) : before[field];
        const a = field === "participants" ? name(after[field]) : after[field];
        if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: show(b), after: show(a) });
      }
      if (r.action === "follow_up.complete")
        changes.unshift({ field: "action", before: show(before.description), after: "", markedDone: true });
    }
    return { id: r.id, at: r.at, action: r.action, actor: r.actor_name ?? null, changes };
  });
}
