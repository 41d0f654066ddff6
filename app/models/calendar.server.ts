/**
 * Per-user secret calendar feeds. The token is shown once, when issued; only its SHA-256 is
 * stored (a 256-bit random token needs no slow hash). Issuing a new one revokes the old, whose
 * URL then answers 404. The feed authenticates by token alone: calendar clients carry no session.
 */
import { createHash, randomBytes } from "node:crypto";

import { fixedT } from "~/i18n.server";
import type { SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { visibleConsultations, visibleMilestones } from "~/models/scopes.server";
import { SESSION_USER_COLUMNS, sessionUserFromRow } from "~/models/users.server";
import type { DB } from "~/utils/db.server";
import { serializeCalendar, type IcsEvent } from "~/utils/ics";
import { newId, nowIso } from "~/utils/ids.server";
import { DEFAULT_LOCALE } from "~/utils/preferences";
import type { Role } from "~db/schema";

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function feedPath(token: string): string {
  return `/calendar/feed/${token}.ics`;
}

/** The user's live feed, if any (never its token: that is not kept). */
export async function activeFeedOf(db: DB, userId: string) {
  return db
    .selectFrom("calendar_feed_tokens")
    .select(["id", "created_at", "last_used_at"])
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

/** Revokes the user's current feed, if any, and issues a new secret token. */
export async function issueFeedToken(db: DB, user: SessionUser): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    const revoked = await tx
      .updateTable("calendar_feed_tokens")
      .set({ revoked_at: now })
      .where("user_id", "=", user.id)
      .where("revoked_at", "is", null)
      .returning("id")
      .execute();
    const id = newId();
    await tx
      .insertInto("calendar_feed_tokens")
      .values({ id, user_id: user.id, token_hash: hashFeedToken(token), created_at: now, revoked_at: null, last_used_at: null })
      .execute();
    await recordAudit(tx, {
      actorId: user.id,
      action: revoked.length > 0 ? "calendar_feed.reset" : "calendar_feed.create",
      entityType: "calendar_feed",
      entityId: id,
      // The hash is enough to tell feeds apart; neither it nor the token goes in the log.
      before: revoked.length > 0 ? { revoked: revoked.map((r) => r.id) } : undefined,
      after: { id, user_id: user.id, created_at: now },
      at: now,
    });
  });
  return token;
}

export async function revokeFeed(db: DB, user: SessionUser): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const revoked = await tx
      .updateTable("calendar_feed_tokens")
      .set({ revoked_at: nowIso() })
      .where("user_id", "=", user.id)
      .where("revoked_at", "is", null)
      .returning("id")
      .execute();
    if (revoked.length === 0) return false;
    await recordAudit(tx, {
      actorId: user.id,
      action: "calendar_feed.revoke",
      entityType: "calendar_feed",
      entityId: revoked[0]!.id,
    });
    return true;
  });
}

/** The user a live token belongs to, or null (unknown, revoked, or the account is disabled). */
export async function userForFeedToken(db: DB, token: string): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db
    .selectFrom("calendar_feed_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .select(["t.id as token_id", "t.last_used_at", "u.disabled", ...SESSION_USER_COLUMNS])
    .where("t.token_hash", "=", hashFeedToken(token))
    .where("t.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row || row.disabled === 1) return null;
  // Note use at most hourly, so a polling calendar does not write on every request.
  const now = nowIso();
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 3_600_000) {
    await db.updateTable("calendar_feed_tokens").set({ last_used_at: now }).where("id", "=", row.token_id).execute();
  }
  return sessionUserFromRow({ ...row, role: row.role as Role });
}

/** The feed: live milestones' due dates and live consultations the user may see. */
export async function buildFeed(db: DB, user: SessionUser, origin: string): Promise<string> {
  const stamp = nowIso();
  // A calendar client sends no session or cookie: the feed speaks the owner's stored language.
  const t = fixedT(user.locale ?? DEFAULT_LOCALE, "milestones");
  const category = (c: string) => t(`labels:milestoneCategory.${c}`);
  const [milestones, consultations] = await Promise.all([
    visibleMilestones(db, user)
      .innerJoin("organizations as o", "o.id", "m.owner_organization_id")
      .select(["m.id", "m.title", "m.due_date", "m.status", "m.category", "m.completed_on", "o.short_name as owner"])
      .where("m.archived_at", "is", null)
      .orderBy("m.due_date")
      .execute(),
    visibleConsultations(db, user)
      .select(["c.id", "c.title", "c.starts_at", "c.location", "c.mode"])
      .where("c.archived_at", "is", null)
      .orderBy("c.starts_at")
      .execute(),
  ]);
  const events: IcsEvent[] = [
    ...milestones.map((m) => ({
      uid: `milestone-${m.id}@accord`,
      stamp,
      start: { date: m.due_date },
      summary: t("feed.milestoneDue", { title: m.title }),
      description: [
        t("feed.owner", { name: m.owner }),
        t("feed.category", { category: category(m.category) }),
        m.completed_on
          ? t("feed.statusCompleted", { status: t(`labels:milestoneStatus.${m.status}`), date: m.completed_on })
          : t("feed.status", { status: t(`labels:milestoneStatus.${m.status}`) }),
        `${origin}/milestones/${m.id}`,
      ].join("\n"),
      url: `${origin}/milestones/${m.id}`,
      categories: [t("feed.milestone"), category(m.category)],
    })),
    ...consultations.map((c) => ({
      uid: `consultation-${c.id}@accord`,
      stamp,
      start: { dateTime: c.starts_at },
      durationMinutes: 60,
      summary: t("feed.consultationTitle", { title: c.title }),
      location: c.location,
      url: `${origin}/consultations/${c.id}`,
      categories: [t("feed.consultation")],
    })),
  ];
  return serializeCalendar({
    prodId: "-//Accord//Milestones and consultations//EN",
    name: `Accord · ${user.displayName}`,
    events,
  });
}
