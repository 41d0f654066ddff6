/**
 * The activity feed: what changed across the negotiation's records, read from the audit log and
 * limited in SQL to records the user may see. Each kind of record registers its visibility scope;
 * the feed walks the audit log newest first on its (entity_type, at) index and keeps an event only
 * when a correlated EXISTS finds its record in the scope, so a page costs the same however long
 * the history is. The records' titles are then read for that page alone.
 */
import type { SelectQueryBuilder } from "kysely";

import { demandScope, type SessionUser } from "~/models/access.server";
import type { ActivityKindCode, ActivitySubject } from "~/models/activity";
import {
  visibleAmendments,
  visibleClauses,
  visibleConsultations,
  visibleDemandRequests,
  visibleIssues,
  visibleMilestones,
  visibleMinutes,
  visiblePositions,
} from "~/models/scopes.server";
import type { Cursor } from "~/utils/cursor";
import type { DB } from "~/utils/db.server";
import { nowIso } from "~/utils/ids.server";

interface ActivityKind {
  kind: ActivityKindCode;
  /** `entity_type` of the audit events that belong to this kind. */
  entityType: string;
  /** The records of this kind the user may see, selecting `id` and what `present` reads. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  visible: (db: DB, user: SessionUser) => SelectQueryBuilder<any, any, { id: string }>;
  /** The record's id column in `visible`, e.g. `c.id`. */
  idRef: string;
  /** True when the user may see no record of this kind at all: the kind is then skipped, not walked. */
  hiddenFrom?: (user: SessionUser) => boolean;
  present: (row: Record<string, unknown>) => { subject: ActivitySubject; href: string };
}

const text = (v: unknown) => String(v ?? "");

export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  {
    kind: "consultation",
    entityType: "consultation",
    visible: (db, user) => visibleConsultations(db, user).select(["c.id as id", "c.title as title"]),
    idRef: "c.id",
    present: (r) => ({ subject: { kind: "titled", title: text(r.title) }, href: `/consultations/${text(r.id)}` }),
  },
  {
    kind: "issue",
    entityType: "issue",
    visible: (db, user) => visibleIssues(db, user).select(["i.id as id", "i.title as title"]),
    idRef: "i.id",
    present: (r) => ({ subject: { kind: "titled", title: text(r.title) }, href: `/issues/${text(r.id)}` }),
  },
  {
    kind: "position",
    entityType: "position",
    visible: (db, user) =>
      visiblePositions(db, user)
        .innerJoin("issues as pi", "pi.id", "p.issue_id")
        .innerJoin("organizations as po", "po.id", "p.organization_id")
        .select(["p.id as id", "pi.id as issue_id", "pi.title as issue_title", "po.short_name as party"]),
    idRef: "p.id",
    present: (r) => ({
      subject: { kind: "position", party: text(r.party), issue: text(r.issue_title) },
      href: `/issues/${text(r.issue_id)}`,
    }),
  },
  {
    kind: "demand",
    entityType: "demand_request",
    visible: (db, user) =>
      visibleDemandRequests(db, user)
        .innerJoin("organizations as ro", "ro.id", "r.organization_id")
        .select(["r.id as id", "r.material as material", "r.fiscal_year as fiscal_year", "ro.short_name as requester"]),
    idRef: "r.id",
    hiddenFrom: (user) => demandScope(user).kind === "none",
    present: (r) => ({
      subject: { kind: "demand", requester: text(r.requester), material: text(r.material), fiscalYear: text(r.fiscal_year) },
      href: `/demand/${text(r.id)}`,
    }),
  },
  {
    kind: "milestone",
    entityType: "milestone",
    visible: (db, user) => visibleMilestones(db, user).select(["m.id as id", "m.title as title"]),
    idRef: "m.id",
    present: (r) => ({ subject: { kind: "titled", title: text(r.title) }, href: `/milestones/${text(r.id)}` }),
  },
  {
    // Drafts, confirmations and amendments of agreed minutes, seen by whoever sees the minutes.
    kind: "minutes",
    entityType: "minutes",
    visible: (db, user) => visibleMinutes(db, user).select(["mn.id as id", "c.id as consultation_id", "c.title as title"]),
    idRef: "mn.id",
    present: (r) => ({
      subject: { kind: "minutes", consultation: text(r.title) },
      href: `/consultations/${text(r.consultation_id)}/minutes`,
    }),
  },
  {
    // The 2012 agreement's clauses: created, and their status moved.
    kind: "clause",
    entityType: "clause",
    visible: (db, user) => visibleClauses(db, user).select(["cl.id as id", "cl.reference as reference", "cl.title as title"]),
    idRef: "cl.id",
    present: (r) => ({
      subject: { kind: "titled", title: `${text(r.reference)}: ${text(r.title)}` },
      href: `/agreement/clauses/${text(r.id)}`,
    }),
  },
  {
    // Proposed amendments, seen by whoever sees the proposal: India's only once tabled, for the
    // other party. Concurrence answers are audited under their own type and never reach the feed.
    kind: "amendment",
    entityType: "clause_amendment",
    visible: (db, user) =>
      visibleAmendments(db, user)
        .innerJoin("clauses as ac", "ac.id", "am.clause_id")
        .innerJoin("organizations as ao", "ao.id", "am.organization_id")
        .select(["am.id as id", "ac.id as clause_id", "ac.reference as reference", "ao.short_name as party"]),
    idRef: "am.id",
    present: (r) => ({
      subject: { kind: "amendment", party: text(r.party), clause: text(r.reference) },
      href: `/agreement/clauses/${text(r.clause_id)}`,
    }),
  },
];

export function activityKind(kind: string | null | undefined): ActivityKind | undefined {
  return ACTIVITY_KINDS.find((k) => k.kind === kind);
}

export interface ActivityItem {
  id: string;
  at: string;
  kind: ActivityKindCode;
  /** The audit action code, e.g. `consultation.update`; the UI words it (`describeAction`). */
  action: string;
  subject: ActivitySubject;
  href: string;
  actorName: string | null;
  actorOrganization: string | null;
}

export interface ActivityFilter {
  kind?: string;
  /** Only changes made by users of this organization. */
  organizationId?: string;
  since?: string;
}

/** The event's record, if the user may see it: a correlated, key-driven probe. */
function visibleRecord(db: DB, user: SessionUser, kind: ActivityKind) {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  return kind
    .visible(db, user)
    .clearSelect()
    .select(kind.idRef as any)
    .whereRef(kind.idRef as any, "=", "e.entity_id" as any);
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

/** The kinds a user may see any record of. */
function kindsFor(user: SessionUser, kinds: readonly ActivityKind[]) {
  return kinds.filter((k) => !k.hiddenFrom?.(user));
}

function kindQuery(db: DB, user: SessionUser, kind: ActivityKind, filter: ActivityFilter, cursor: Cursor | null) {
  let query = db
    .selectFrom("audit_events as e")
    .leftJoin("users as u", "u.id", "e.actor_id")
    .leftJoin("organizations as o", "o.id", "u.organization_id")
    .select(["e.id", "e.at", "e.action", "e.entity_id", "u.display_name as actor_name", "o.short_name as actor_org"])
    .where("e.entity_type", "=", kind.entityType);
  // Walk the log by time and check each event's record by its key, for every role: reading "the
  // records this user may see" first would cost as much as the whole history (decision 012).
  query = query.where((eb) => eb.exists(visibleRecord(db, user, kind)));
  if (filter.organizationId) query = query.where("u.organization_id", "=", filter.organizationId);
  if (filter.since) query = query.where("e.at", ">", filter.since);
  if (cursor) {
    query = query.where((eb) => eb(eb.refTuple("e.at", "e.id"), "<", eb.tuple(cursor.key, cursor.id)));
  }
  return query;
}

export const ACTIVITY_PAGE_SIZE = 30;

/**
 * Newest first. One bounded query per kind (each limited to a page), merged by time: the work is
 * independent of how much history there is.
 */
export async function listActivity(
  db: DB,
  user: SessionUser,
  filter: ActivityFilter = {},
  cursor: Cursor | null = null,
  limit = ACTIVITY_PAGE_SIZE,
): Promise<{ items: ActivityItem[]; next: Cursor | null }> {
  const kinds = kindsFor(user, filter.kind ? ACTIVITY_KINDS.filter((k) => k.kind === filter.kind) : ACTIVITY_KINDS);
  const perKind = await Promise.all(
    kinds.map(async (kind) => {
      const events = await kindQuery(db, user, kind, filter, cursor)
        .orderBy("e.at", "desc")
        .orderBy("e.id", "desc")
        .limit(limit + 1)
        .execute();
      const ids = [...new Set(events.map((e) => e.entity_id as string))];
      const records = new Map<string, Record<string, unknown>>();
      if (ids.length > 0) {
        const rows = await kind
          .visible(db, user)
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          .where(kind.idRef as any, "in", ids)
          .execute();
        for (const r of rows as Record<string, unknown>[]) records.set(text(r.id), r);
      }
      return events.flatMap((e): ActivityItem[] => {
        const record = records.get(e.entity_id as string);
        if (!record) return [];
        return [
          {
            id: e.id,
            at: e.at,
            kind: kind.kind,
            action: e.action,
            ...kind.present(record),
            actorName: e.actor_name ?? null,
            actorOrganization: e.actor_org ?? null,
          },
        ];
      });
    }),
  );
  const merged = perKind.flat().sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  const items = merged.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: merged.length > limit && last ? { key: last.at, id: last.id } : null };
}

export const UNREAD_CAP = 99;

async function readBaseline(db: DB, user: SessionUser): Promise<string> {
  const row = await db
    .selectFrom("users as u")
    .leftJoin("activity_reads as r", "r.user_id", "u.id")
    .select(["r.last_read_at", "u.previous_sign_in_at", "u.created_at"])
    .where("u.id", "=", user.id)
    .executeTakeFirst();
  return row?.last_read_at ?? row?.previous_sign_in_at ?? row?.created_at ?? nowIso();
}

/** How many of each kind's latest changes since the last read the unread count looks at. */
export const UNREAD_SCAN = 200;

export interface UnreadCount {
  /** Up to `UNREAD_CAP + 1`, shown as "99+". */
  count: number;
  /** The count is a lower bound: more than `UNREAD_SCAN` changes of some kind were not looked at. */
  atLeast: boolean;
}

/**
 * Unread changes, on every page, so its cost must not grow with the history: per kind, one
 * statement looks at the latest `UNREAD_SCAN` changes since the last read (the (entity_type, at)
 * index) and counts at most `UNREAD_CAP + 1` of them whose record the user may see, each checked
 * by key. Past the window the count is a lower bound, and says so.
 */
export async function unreadActivity(db: DB, user: SessionUser): Promise<UnreadCount> {
  const since = await readBaseline(db, user);
  const perKind = await Promise.all(
    kindsFor(user, ACTIVITY_KINDS).map(async (kind) => {
      const recent = db
        .selectFrom("audit_events as r")
        .select(["r.entity_id"])
        .where("r.entity_type", "=", kind.entityType)
        .where("r.at", ">", since)
        .orderBy("r.at", "desc")
        .limit(UNREAD_SCAN);
      const row = await db
        .selectNoFrom((eb) => [
          eb
            .selectFrom((inner) =>
              inner
                .selectFrom(recent.as("e"))
                .select("e.entity_id")
                .where((w) => w.exists(visibleRecord(db, user, kind)))
                .limit(UNREAD_CAP + 1)
                .as("hits"),
            )
            .select((c) => c.fn.countAll<number>().as("n"))
            .as("count"),
          eb
            .selectFrom(recent.as("s"))
            .select((c) => c.fn.countAll<number>().as("n"))
            .as("scanned"),
        ])
        .executeTakeFirstOrThrow();
      return { count: Number(row.count ?? 0), full: Number(row.scanned ?? 0) >= UNREAD_SCAN };
    }),
  );
  const count = Math.min(
    perKind.reduce((a, k) => a + k.count, 0),
    UNREAD_CAP + 1,
  );
  return { count, atLeast: count <= UNREAD_CAP && perKind.some((k) => k.full && k.count <= UNREAD_CAP) };
}

/** The unread count alone (a lower bound when `unreadActivity` says so). */
export async function unreadActivityCount(db: DB, user: SessionUser): Promise<number> {
  return (await unreadActivity(db, user)).count;
}

export async function markAllActivityRead(db: DB, user: SessionUser, at: string = nowIso()): Promise<void> {
  await db
    .insertInto("activity_reads")
    .values({ user_id: user.id, last_read_at: at })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ last_read_at: at }))
    .execute();
}

/** The changes since the start of the user's previous session. */
export async function changesSinceLastVisit(db: DB, user: SessionUser, limit = 8) {
  const row = await db
    .selectFrom("users")
    .select(["previous_sign_in_at", "created_at"])
    .where("id", "=", user.id)
    .executeTakeFirst();
  const since = row?.previous_sign_in_at ?? null;
  if (!since) return { since: null, items: [] as ActivityItem[] };
  const { items } = await listActivity(db, user, { since }, null, limit);
  return { since, items };
}
