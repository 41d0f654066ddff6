/**
 * What Accord mails each user, and when. Every notice is read through the reader's own scopes, so
 * a mail never holds what its recipient may not see; a restricted item carries only its kind and
 * a link. Notices go into the outbox with a key per (reason, record, user), so none goes twice.
 */
import { fixedT } from "~/i18n.server";
import type { SessionUser } from "~/models/access.server";
import type { Executor } from "~/models/audit.server";
import { isLate } from "~/models/milestone-rules";
import { dependencyRisks } from "~/models/milestones.server";
import { enqueueMail } from "~/models/outbox.server";
import { visibleConsultations, visibleDemandRequests, visibleMilestones, visibleMinutes } from "~/models/scopes.server";
import { SESSION_USER_COLUMNS, sessionUserFromRow } from "~/models/users.server";
import { INDIA_TIME_ZONE, now, todayInIndia } from "~/utils/clock";
import type { DB } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { nowIso } from "~/utils/ids.server";
import {
  digestMail,
  mailReaderOf,
  singleNoticeMail,
  type NoticeKind,
  type NoticeLine,
  type NoticeReason,
} from "~/utils/mail-messages.server";
import type { NotificationMode } from "~db/schema";

export const DUE_SOON_DAYS = 3;

export interface Notice {
  reason: NoticeReason;
  kind: NoticeKind;
  /** What makes the notice one of a kind: a record, or a record's decision or version. */
  id: string;
  /** null when the item is restricted: the mail then names only its kind. */
  title: string | null;
  dueDate?: string | null;
  path: string;
}

/** How far back a digest looks for events (decisions) rather than states (an overdue action). */
export const EVENT_LOOKBACK_MS = 24 * 3_600_000;

export interface NotificationPreference {
  mode: NotificationMode;
  digestHour: number;
}

export const DEFAULT_PREFERENCE: NotificationPreference = { mode: "each", digestHour: 8 };

export async function getPreference(db: DB, userId: string): Promise<NotificationPreference> {
  const row = await db
    .selectFrom("notification_preferences")
    .select(["mode", "digest_hour"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? { mode: row.mode, digestHour: row.digest_hour } : DEFAULT_PREFERENCE;
}

/** The user's own choice; no version: only they write it, and the last choice is the one they mean. */
export async function setPreference(db: DB, userId: string, pref: NotificationPreference): Promise<void> {
  const at = nowIso();
  await db
    .insertInto("notification_preferences")
    .values({ user_id: userId, mode: pref.mode, digest_hour: pref.digestHour, updated_at: at })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ mode: pref.mode, digest_hour: pref.digestHour, updated_at: at }))
    .execute();
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** What needs the reader's attention today: their organization's open actions and late milestones they may see. */
export async function noticesFor(db: DB, user: SessionUser, today: string = todayInIndia()): Promise<Notice[]> {
  const soon = addDays(today, DUE_SOON_DAYS);
  const actions = await visibleConsultations(db, user)
    .innerJoin("follow_up_actions as a", "a.consultation_id", "c.id")
    .select(["a.id", "a.description", "a.due_date", "c.id as consultation_id", "c.visibility"])
    .where("c.archived_at", "is", null)
    .where("a.status", "=", "open")
    .where("a.owner_organization_id", "=", user.organizationId)
    .orderBy("a.due_date")
    .orderBy("a.id")
    .execute();
  const notices: Notice[] = [];
  for (const a of actions) {
    const reason: NoticeReason =
      a.due_date && a.due_date < today
        ? "action_overdue"
        : a.due_date && a.due_date <= soon
          ? "action_due_soon"
          : "action_assigned";
    notices.push({
      reason,
      kind: "follow_up_action",
      id: a.id,
      title: a.visibility === "restricted" ? null : a.description,
      dueDate: a.due_date,
      path: `/consultations/${a.consultation_id}`,
    });
  }
  const milestones = await visibleMilestones(db, user)
    .select(["m.id", "m.title", "m.due_date", "m.status", "m.visibility"])
    .where("m.archived_at", "is", null)
    .where("m.owner_organization_id", "=", user.organizationId)
    .orderBy("m.due_date")
    .execute();
  const { risks } = milestones.length > 0 ? await dependencyRisks(db, user, today) : { risks: new Map() };
  for (const m of milestones) {
    const late = isLate({ dueDate: m.due_date, status: m.status }, today);
    // Threatened: on time by its own dates, but something it depends on is late or threatened.
    const threatened = !late && m.status !== "done" && Boolean(risks.get(m.id)?.threatened);
    if (!late && !threatened) continue;
    notices.push({
      reason: late ? "milestone_late" : "milestone_threatened",
      kind: "milestone",
      id: m.id,
      title: m.visibility === "restricted" ? null : m.title,
      dueDate: m.due_date,
      path: `/milestones/${m.id}`,
    });
  }
  notices.push(...(await demandDecisionNotices(db, user, nowIso(new Date(now().getTime() - EVENT_LOOKBACK_MS)))));
  notices.push(...(await minutesNotices(db, user)));
  return notices;
}

/** Decisions on the reader's own organization's requests since `since` (a redecision is a new notice). */
async function demandDecisionNotices(db: DB, user: SessionUser, since: string, requestId?: string): Promise<Notice[]> {
  let query = visibleDemandRequests(db, user)
    .innerJoin("demand_decisions as dd", "dd.id", "r.current_decision_id")
    .select(["r.id", "r.material", "r.fiscal_year", "dd.id as decision_id", "dd.outcome"])
    .where("r.organization_id", "=", user.organizationId)
    .where("dd.decided_at", ">=", since);
  if (requestId) query = query.where("r.id", "=", requestId);
  const rows = await query.orderBy("dd.decided_at").execute();
  // Demand requests carry no visibility level: the requesting organization sees all of its own.
  const labels = fixedT(mailReaderOf(user).locale, "labels");
  return rows.map((r) => ({
    reason: "demand_decided" as const,
    kind: "demand_request" as const,
    id: r.decision_id,
    title: `${labels(`material.${r.material}`)}, ${r.fiscal_year}: ${labels(`demandStatus.${r.outcome}`)}`,
    path: `/demand/${r.id}`,
  }));
}

/**
 * Visible circulated minutes whose current version went to the user's organization and that it
 * has not confirmed yet: what the dashboard and the notices both start from.
 */
export function minutesUnconfirmedBy(db: DB, user: SessionUser) {
  const orgId = user.organizationId;
  return visibleMinutes(db, user)
    .innerJoin("minutes_version_parties as vp", (j) =>
      j.onRef("vp.minutes_id", "=", "mn.id").onRef("vp.number", "=", "mn.current_number").on("vp.organization_id", "=", orgId),
    )
    .where("mn.status", "=", "circulated")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("minutes_confirmations as k")
            .select("k.id")
            .whereRef("k.minutes_id", "=", "mn.id")
            .whereRef("k.number", "=", "mn.current_number")
            .where("k.organization_id", "=", orgId),
        ),
      ),
    );
}

/** Circulated minutes whose current version awaits the reader's organization's answer. */
async function minutesNotices(db: DB, user: SessionUser, consultationId?: string): Promise<Notice[]> {
  let query = minutesUnconfirmedBy(db, user).select([
    "c.id",
    "c.title",
    "c.visibility",
    "mn.id as minutes_id",
    "mn.current_number",
  ]);
  if (consultationId) query = query.where("c.id", "=", consultationId);
  const rows = await query.orderBy("c.id").limit(50).execute();
  return rows.map((r) => ({
    reason: "minutes_awaiting" as const,
    kind: "minutes" as const,
    // Each circulated version asks again.
    id: `${r.minutes_id}:${r.current_number}`,
    title: r.visibility === "restricted" ? null : r.title,
    path: `/consultations/${r.id}/minutes`,
  }));
}

function lineOf(n: Notice, origin: string): NoticeLine {
  return { reason: n.reason, kind: n.kind, title: n.title, dueDate: n.dueDate ?? null, link: `${origin}${n.path}` };
}

/** Queues a notice's own mail; the key keeps it to once per notice and reader, whichever pass finds it. */
async function enqueueNotice(tx: Executor, user: SessionUser, n: Notice, origin: string): Promise<void> {
  const mail = singleNoticeMail(mailReaderOf(user), lineOf(n, origin), origin);
  await enqueueMail(tx, {
    userId: user.id,
    to: user.email,
    kind: n.reason,
    dedupeKey: `${n.reason}:${n.id}:${user.id}`,
    ...mail,
  });
}

/** The address links in mail point at: the public origin, else this server. */
export function mailOrigin(): string {
  const { APP_ORIGIN, PORT } = env();
  return (APP_ORIGIN ?? `http://localhost:${PORT}`).replace(/\/$/, "");
}

function recipients(db: Executor) {
  return db
    .selectFrom("users as u")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .leftJoin("notification_preferences as p", "p.user_id", "u.id")
    .select([...SESSION_USER_COLUMNS, "p.mode", "p.digest_hour"])
    .where("u.disabled", "=", 0);
}

/**
 * Notices caused by a change, written with that change's transaction to each user of the
 * organizations concerned who wants a mail per notice (digest readers find them in their next
 * digest). `find` reads through the recipient's own scopes, so nobody is told of what they may
 * not see. The same dedupe key as the scan's, so the scan never sends them again.
 */
async function notifyOrganizations(
  tx: Executor,
  organizationIds: readonly string[],
  find: (db: DB, user: SessionUser) => Promise<Notice[]>,
): Promise<number> {
  if (organizationIds.length === 0) return 0;
  const rows = await recipients(tx)
    .where("u.organization_id", "in", [...new Set(organizationIds)])
    .execute();
  const origin = mailOrigin();
  let queued = 0;
  for (const row of rows) {
    if ((row.mode ?? DEFAULT_PREFERENCE.mode) !== "each") continue;
    const user = sessionUserFromRow(row);
    for (const n of await find(tx as DB, user)) {
      await enqueueNotice(tx, user, n, origin);
      queued += 1;
    }
  }
  return queued;
}

/** A request was decided: tell the requesting organization (called inside the decision's transaction). */
export function notifyDemandDecided(tx: Executor, request: { id: string; organizationId: string }, decidedAt: string) {
  return notifyOrganizations(tx, [request.organizationId], (db, user) => demandDecisionNotices(db, user, decidedAt, request.id));
}

/** A version of minutes went out: tell each organization asked to confirm it (inside the circulation's transaction). */
export function notifyMinutesCirculated(tx: Executor, consultationId: string, organizationIds: readonly string[]) {
  return notifyOrganizations(tx, organizationIds, (db, user) => minutesNotices(db, user, consultationId));
}

/**
 * A milestone changed: those it holds up (directly or not) may now be late or threatened. Tells
 * the owners of the milestone and of everything that depends on it (inside the change's transaction).
 */
export async function notifyMilestoneChanged(tx: Executor, milestoneId: string, today: string = todayInIndia()) {
  const affected = new Set([milestoneId]);
  let frontier = [milestoneId];
  // Dependents, breadth first; the dependency graph is acyclic (milestones refuse cycles).
  while (frontier.length > 0 && affected.size < 500) {
    const next = await tx
      .selectFrom("milestone_dependencies")
      .select("milestone_id")
      .where("depends_on_id", "in", frontier)
      .execute();
    frontier = next.map((r) => r.milestone_id).filter((id) => !affected.has(id));
    for (const id of frontier) affected.add(id);
  }
  const owners = await tx
    .selectFrom("milestones")
    .select("owner_organization_id")
    .distinct()
    .where("id", "in", [...affected])
    .where("archived_at", "is", null)
    .execute();
  return notifyOrganizations(
    tx,
    owners.map((o) => o.owner_organization_id),
    async (db, user) => (await noticesFor(db, user, today)).filter((n) => n.kind === "milestone" && affected.has(n.id)),
  );
}

function hourIn(timeZone: string, at: Date): number {
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(at));
}

/**
 * One pass over every active user: single notices for those who want each, one digest a day (at
 * their hour, in their zone) for those who chose the digest. Safe to run as often as you like.
 */
export async function scanNotifications(db: DB, options: { origin: string; at?: Date }): Promise<{ queued: number }> {
  const at = options.at ?? now();
  const today = todayInIndia(at);
  const users = await recipients(db).execute();
  let queued = 0;
  for (const row of users) {
    const mode = row.mode ?? DEFAULT_PREFERENCE.mode;
    if (mode === "off") continue;
    const user = sessionUserFromRow(row);
    // The digest goes at the chosen hour in the reader's own zone.
    const timeZone = user.timeZone || INDIA_TIME_ZONE;
    if (mode === "digest" && hourIn(timeZone, at) < (row.digest_hour ?? DEFAULT_PREFERENCE.digestHour)) continue;
    const notices = await noticesFor(db, user, today);
    if (notices.length === 0) continue;
    await db.transaction().execute(async (tx) => {
      if (mode === "digest") {
        const mail = digestMail(mailReaderOf(user), {
          name: user.displayName,
          date: today,
          lines: notices.map((n) => lineOf(n, options.origin)),
          origin: options.origin,
        });
        await enqueueMail(tx, {
          userId: user.id,
          to: row.email,
          kind: "digest",
          dedupeKey: `digest:${user.id}:${today}`,
          ...mail,
        });
        queued += 1;
        return;
      }
      for (const n of notices) {
        await enqueueNotice(tx, user, n, options.origin);
        queued += 1;
      }
    });
  }
  return { queued };
}
