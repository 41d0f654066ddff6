/**
 * What Accord mails each user, and when. Every notice is read through the reader's own scopes, so
 * a mail never holds what its recipient may not see; a restricted item carries only its kind and
 * a link. Notices go into the outbox with a key per (reason, record, user), so none goes twice.
 */
import type { SessionUser } from "~/models/access.server";
import { isLate } from "~/models/milestone-rules";
import { enqueueMail } from "~/models/outbox.server";
import { visibleConsultations, visibleMilestones } from "~/models/scopes.server";
import { sessionUserFromRow } from "~/models/users.server";
import { INDIA_TIME_ZONE, now, todayInIndia } from "~/utils/clock";
import type { DB } from "~/utils/db.server";
import { nowIso } from "~/utils/ids.server";
import { digestMail, NOTICE_REASONS, singleNoticeMail, type NoticeLine, type NoticeReason } from "~/utils/mail-messages";
import type { NotificationMode } from "~db/schema";

export const DUE_SOON_DAYS = 3;

export interface Notice {
  reason: NoticeReason;
  kind: "follow_up_action" | "milestone";
  id: string;
  /** null when the item is restricted: the mail then names only its kind. */
  title: string | null;
  path: string;
}

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
      path: `/consultations/${a.consultation_id}`,
    });
  }
  const milestones = await visibleMilestones(db, user)
    .select(["m.id", "m.title", "m.due_date", "m.status", "m.visibility"])
    .where("m.archived_at", "is", null)
    .where("m.owner_organization_id", "=", user.organizationId)
    .orderBy("m.due_date")
    .execute();
  for (const m of milestones) {
    if (!isLate({ dueDate: m.due_date, status: m.status }, today)) continue;
    notices.push({
      reason: "milestone_late",
      kind: "milestone",
      id: m.id,
      title: m.visibility === "restricted" ? null : m.title,
      path: `/milestones/${m.id}`,
    });
  }
  return notices;
}

const KIND_LABELS: Record<Notice["kind"], string> = { follow_up_action: "a follow-up action", milestone: "a milestone" };

function lineOf(n: Notice, origin: string): NoticeLine {
  return { title: n.title, kindLabel: KIND_LABELS[n.kind], reasonLabel: NOTICE_REASONS[n.reason], link: `${origin}${n.path}` };
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
  const users = await db
    .selectFrom("users as u")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .leftJoin("notification_preferences as p", "p.user_id", "u.id")
    .select([
      "u.id",
      "u.email",
      "u.display_name",
      "u.role",
      "u.organization_id",
      "o.name",
      "o.short_name",
      "o.country",
      "u.locale",
      "u.time_zone",
      "p.mode",
      "p.digest_hour",
    ])
    .where("u.disabled", "=", 0)
    .execute();
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
        const mail = digestMail({
          name: user.displayName,
          dateLabel: today,
          lines: notices.map((n) => lineOf(n, options.origin)),
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
        const mail = singleNoticeMail(lineOf(n, options.origin));
        await enqueueMail(tx, {
          userId: user.id,
          to: row.email,
          kind: n.reason,
          dedupeKey: `${n.reason}:${n.id}:${user.id}`,
          ...mail,
        });
        queued += 1;
      }
    });
  }
  return { queued };
}
