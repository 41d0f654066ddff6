/**
 * Account self-service: changing one's own password and the forgotten-password link. The link's
 * token is random, mailed once and stored only as its SHA-256; it works once, for 30 minutes.
 */
import crypto from "node:crypto";

import { recordAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import { hashPassword, passwordProblem, verifyPassword } from "~/models/password.server";
import { refused, versionedUpdate, type Refused, type Tx, type WriteResult } from "~/models/writes.server";
import { now } from "~/utils/clock";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import { mailReaderOf, passwordChangedMail, passwordResetMail } from "~/utils/mail-messages.server";
import { homeTimeZone } from "~/utils/preferences";

export const RESET_VALID_MINUTES = 30;
export const RESET_WINDOW_MS = 15 * 60_000;
export const MAX_RESETS_PER_EMAIL = 3;
export const MAX_RESETS_PER_ADDRESS = 20;

function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

function loadUser(id: string) {
  return (tx: Tx | DB) =>
    tx
      .selectFrom("users")
      .select(["id", "email", "display_name", "password_hash", "version", "disabled", "locale", "time_zone"])
      .where("id", "=", id)
      .executeTakeFirst();
}

type PasswordRefusal = Refused<"wrong_password"> | Refused<"invalid", { message: string }>;

/** Changes the user's own password; every other session of theirs ends. */
export async function changeOwnPassword(
  db: DB,
  input: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string | null; ip: string | null },
): Promise<WriteResult<true, PasswordRefusal>> {
  const user = await loadUser(input.userId)(db);
  if (!user || user.disabled) return { ok: false, reason: "not_found" };
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordAudit(db, {
      actorId: user.id,
      action: "auth.password_change_refused",
      entityType: "user",
      entityId: user.id,
      ip: input.ip,
      detail: "wrong_password",
    });
    return refused("wrong_password");
  }
  const weak = passwordProblem(input.newPassword);
  if (weak) return refused("invalid", { message: weak });
  const passwordHash = await hashPassword(input.newPassword);
  const result = await versionedUpdate(db, {
    table: "users",
    id: user.id,
    actorId: user.id,
    load: loadUser(user.id),
    set: () => ({ password_hash: passwordHash }),
    alongside: async (tx) => {
      let others = tx.deleteFrom("sessions").where("user_id", "=", user.id);
      if (input.keepSessionId) others = others.where("id", "!=", input.keepSessionId);
      await others.execute();
      const mail = passwordChangedMail(mailReaderOf({ locale: user.locale, timeZone: homeTimeZone(user.time_zone, null) }), {
        name: user.display_name,
      });
      await enqueueMail(tx, { userId: user.id, to: user.email, kind: "password_changed", ...mail });
    },
    action: "user.change_password",
    auditView: () => undefined,
    result: () => true as const,
  });
  return result;
}

export type ResetRequestResult = { ok: true } | { ok: false; reason: "throttled" };

/**
 * Asks for a reset link. The answer is the same whether or not the address belongs to anyone;
 * only throttling (per address and per client, like sign-in) answers differently.
 */
export async function requestPasswordReset(
  db: DB,
  input: { email: string; ip: string; origin: string },
): Promise<ResetRequestResult> {
  const email = input.email.trim().toLowerCase();
  const since = nowIso(new Date(now().getTime() - RESET_WINDOW_MS));
  const [byEmail, byAddress] = await Promise.all([
    db
      .selectFrom("password_reset_requests")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("email", "=", email)
      .where("at", ">", since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("password_reset_requests")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("ip", "=", input.ip)
      .where("at", ">", since)
      .executeTakeFirstOrThrow(),
  ]);
  if (Number(byEmail.n) >= MAX_RESETS_PER_EMAIL || Number(byAddress.n) >= MAX_RESETS_PER_ADDRESS) {
    await recordAudit(db, { actorId: null, action: "auth.reset_throttled", ip: input.ip, detail: email });
    return { ok: false, reason: "throttled" };
  }
  const at = nowIso();
  const user = await db
    .selectFrom("users")
    .select(["id", "display_name", "email", "disabled", "locale", "time_zone"])
    .where("email", "=", email)
    .executeTakeFirst();
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("password_reset_requests").values({ id: newId(), email, ip: input.ip, at }).execute();
    if (!user || user.disabled) {
      await recordAudit(tx, { actorId: null, action: "auth.reset_requested_unknown", ip: input.ip, detail: email, at });
      return;
    }
    const token = crypto.randomBytes(32).toString("base64url");
    const expires = nowIso(new Date(now().getTime() + RESET_VALID_MINUTES * 60_000));
    await tx
      .insertInto("password_reset_tokens")
      .values({ id: newId(), user_id: user.id, token_hash: sha256(token), created_at: at, expires_at: expires, used_at: null })
      .execute();
    const mail = passwordResetMail(mailReaderOf({ locale: user.locale, timeZone: homeTimeZone(user.time_zone, null) }), {
      name: user.display_name,
      link: `${input.origin}/reset-password/${token}`,
      minutes: RESET_VALID_MINUTES,
    });
    await enqueueMail(tx, { userId: user.id, to: user.email, kind: "password_reset", ...mail });
    await recordAudit(tx, {
      actorId: null,
      action: "auth.reset_requested",
      entityType: "user",
      entityId: user.id,
      ip: input.ip,
      at,
    });
  });
  return { ok: true };
}

export type TokenProblem = "unknown" | "expired" | "used";

/** Whether a mailed token may still be used (the reset page asks before showing its form). */
export async function resetTokenProblem(db: DB, token: string): Promise<TokenProblem | null> {
  const row = await db
    .selectFrom("password_reset_tokens")
    .select(["used_at", "expires_at"])
    .where("token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row) return "unknown";
  if (row.used_at) return "used";
  if (row.expires_at <= nowIso()) return "expired";
  return null;
}

type ResetRefusal = Refused<"token", { problem: TokenProblem }> | Refused<"invalid", { message: string }>;

/** Sets a new password through a mailed token; the token is spent, every session and calendar address ends. */
export async function resetPasswordWithToken(
  db: DB,
  input: { token: string; newPassword: string; ip: string | null },
): Promise<WriteResult<true, ResetRefusal>> {
  const tokenHash = sha256(input.token);
  const row = await db.selectFrom("password_reset_tokens").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
  const problem = await resetTokenProblem(db, input.token);
  if (!row || problem) {
    await recordAudit(db, {
      actorId: null,
      action: "auth.reset_refused",
      entityType: row ? "user" : null,
      entityId: row?.user_id ?? null,
      ip: input.ip,
      detail: problem ?? "unknown",
    });
    return refused("token", { problem: problem ?? "unknown" });
  }
  const weak = passwordProblem(input.newPassword);
  if (weak) return refused("invalid", { message: weak });
  const passwordHash = await hashPassword(input.newPassword);
  const result = await versionedUpdate(db, {
    table: "users",
    id: row.user_id,
    actorId: row.user_id,
    load: loadUser(row.user_id),
    permit: (u): ResetRefusal | null => (u.disabled ? refused("token", { problem: "unknown" as TokenProblem }) : null),
    // Spending the token is the claim: of two requests with the same link, one changes the password.
    check: async (_u, tx): Promise<ResetRefusal | null> => {
      const spent = await tx
        .updateTable("password_reset_tokens")
        .set({ used_at: nowIso() })
        .where("id", "=", row.id)
        .where("used_at", "is", null)
        .where("expires_at", ">", nowIso())
        .executeTakeFirst();
      return Number(spent.numUpdatedRows) === 1 ? null : refused("token", { problem: "used" as TokenProblem });
    },
    set: () => ({ password_hash: passwordHash }),
    alongside: async (tx, _u, at) => {
      await tx.deleteFrom("sessions").where("user_id", "=", row.user_id).execute();
      await tx
        .updateTable("calendar_feed_tokens")
        .set({ revoked_at: at })
        .where("user_id", "=", row.user_id)
        .where("revoked_at", "is", null)
        .execute();
      // Any other link still out there dies with this one.
      await tx
        .updateTable("password_reset_tokens")
        .set({ used_at: at })
        .where("user_id", "=", row.user_id)
        .where("used_at", "is", null)
        .execute();
    },
    action: "user.reset_password_by_link",
    auditView: () => undefined,
    result: () => true as const,
  });
  if (!result.ok && result.reason === "refused" && result.code === "token") {
    await recordAudit(db, {
      actorId: null,
      action: "auth.reset_refused",
      entityType: "user",
      entityId: row.user_id,
      ip: input.ip,
      detail: result.problem,
    });
  }
  return result;
}
