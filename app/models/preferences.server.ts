/**
 * A signed-in user's language and home time zone. Both are the user's own settings: anyone signed
 * in may change their own, never another's, and every change is audited.
 */
import type { SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { stampPreferences } from "~/models/writes.server";
import type { DB } from "~/utils/db.server";
import { nowIso } from "~/utils/ids.server";
import type { Locale } from "~/utils/preferences";

export interface PreferencesInput {
  locale?: Locale;
  timeZone?: string;
}

/** Stores what changed and audits before and after; a no-op when nothing differs. */
export async function savePreferences(db: DB, user: SessionUser, input: PreferencesInput, ip: string | null): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom("users").select(["locale", "time_zone"]).where("id", "=", user.id).executeTakeFirstOrThrow();
    const next = {
      locale: input.locale ?? row.locale,
      time_zone: input.timeZone ?? row.time_zone,
    };
    if (next.locale === row.locale && next.time_zone === row.time_zone) return;
    const at = nowIso();
    await stampPreferences(tx, user.id, { ...next, updated_at: at });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.preferences_updated",
      entityType: "user",
      entityId: user.id,
      before: { locale: row.locale, time_zone: row.time_zone },
      after: next,
      ip,
      at,
    });
  });
}
