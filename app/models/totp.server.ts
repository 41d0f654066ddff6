/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps, the authenticator
 * apps' common settings) and single-use recovery codes, for the second step of sign-in
 * (docs/decisions/017-people-mail-and-accounts.md).
 *
 * A code is accepted for the current step and one step either side (clock drift); the step it
 * matched is written with a conditional UPDATE (`last_step < step`), so the same code, or an
 * older one, never works twice, even from two requests at once. Recovery codes are random and
 * kept only as SHA-256, spent with a conditional UPDATE as well.
 */
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { encode } from "uqr";

import { INTERNAL_ROLES } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import { now } from "~/utils/clock";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { Role } from "~db/schema";

export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now that still count (clock drift between phone and server). */
export const TOTP_WINDOW = 1;
/** A code this many steps away is called expired rather than wrong: the user typed an old one. */
export const TOTP_EXPIRED_WINDOW = 20;
export const RECOVERY_CODE_COUNT = 10;
export const ISSUER = "Accord";

function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

export function currentStep(at: Date = now()): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code an authenticator shows for this secret at this time (for tests and the demo). */
export function codeFor(secret: string, at: Date = now()): string {
  return totpOf(secret, "x").generate({ timestamp: at.getTime() });
}

/** The otpauth:// address authenticator apps read from the QR code. */
export function otpauthUri(secret: string, email: string): string {
  return totpOf(secret, email).toString();
}

/** The QR code of `text` as one SVG path of unit squares, drawn by the page (no client library). */
export function qrPath(text: string): { size: number; d: string } {
  const { size, data } = encode(text, { ecc: "M", border: 2 });
  const parts: string[] = [];
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    }),
  );
  return { size, d: parts.join("") };
}

/** Secret shown in groups of four, as authenticator apps accept it typed. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

export type CodeCheck = { ok: true; step: number } | { ok: false; reason: "wrong" | "expired" };

/** Which step the code belongs to, if any near now; "expired" when it matches a step minutes away. */
export function checkCode(secret: string, code: string, at: Date = now()): CodeCheck {
  const totp = totpOf(secret, "x");
  const token = code.replace(/\s+/g, "");
  const timestamp = at.getTime();
  const delta = totp.validate({ token, timestamp, window: TOTP_WINDOW });
  if (delta !== null) return { ok: true, step: currentStep(at) + delta };
  const far = totp.validate({ token, timestamp, window: TOTP_EXPIRED_WINDOW });
  return { ok: false, reason: far !== null ? "expired" : "wrong" };
}

export interface TotpStatus {
  enabled: boolean;
  /** The administrator requires an authenticator for the user's role. */
  required: boolean;
  /** A secret being set up (not yet confirmed by a first code). */
  pending: { id: string; secret: string } | null;
  recoveryCodesLeft: number;
}

async function activeTotp(db: Executor, userId: string) {
  return db
    .selectFrom("user_totp")
    .select(["id", "secret", "last_step"])
    .where("user_id", "=", userId)
    .where("confirmed_at", "is not", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

async function pendingTotp(db: Executor, userId: string) {
  return db
    .selectFrom("user_totp")
    .select(["id", "secret"])
    .where("user_id", "=", userId)
    .where("confirmed_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

export async function totpRequiredFor(db: Executor, role: Role): Promise<boolean> {
  const row = await db.selectFrom("totp_required_roles").select("required").where("role", "=", role).executeTakeFirst();
  return Boolean(row && Number(row.required));
}

export async function totpStatus(db: DB, user: { id: string; role: Role }): Promise<TotpStatus> {
  const [active, pending, required] = await Promise.all([
    activeTotp(db, user.id),
    pendingTotp(db, user.id),
    totpRequiredFor(db, user.role),
  ]);
  let recoveryCodesLeft = 0;
  if (active) {
    const row = await db
      .selectFrom("totp_recovery_codes")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("totp_id", "=", active.id)
      .where("used_at", "is", null)
      .executeTakeFirstOrThrow();
    recoveryCodesLeft = Number(row.n);
  }
  return { enabled: Boolean(active), required, pending: active ? null : (pending ?? null), recoveryCodesLeft };
}

/** Starts setting up an authenticator: a fresh secret, replacing any unconfirmed one. */
export async function startTotpSetup(db: DB, userId: string): Promise<{ ok: true } | { ok: false; reason: "already_on" }> {
  return db.transaction().execute(async (tx) => {
    if (await activeTotp(tx, userId)) return { ok: false as const, reason: "already_on" as const };
    const at = nowIso();
    await tx
      .updateTable("user_totp")
      .set({ revoked_at: at })
      .where("user_id", "=", userId)
      .where("confirmed_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    // 20 bytes: the key size RFC 4226 recommends for HMAC-SHA-1.
    const secret = new Secret({ size: 20 }).base32;
    await tx.insertInto("user_totp").values({ id: newId(), user_id: userId, secret, created_at: at }).execute();
    return { ok: true as const };
  });
}

function newRecoveryCode(): string {
  // 50 bits from an alphabet without look-alikes (no 0/o, 1/l/i), shown as xxxxx-xxxxx.
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = crypto.randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function normaliseRecoveryCode(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "");
}

async function issueRecoveryCodes(tx: Executor, userId: string, totpId: string): Promise<string[]> {
  const at = nowIso();
  // Earlier codes stop working: a new set replaces the old one.
  await tx
    .updateTable("totp_recovery_codes")
    .set({ used_at: at })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx
    .insertInto("totp_recovery_codes")
    .values(
      codes.map((code) => ({
        id: newId(),
        totp_id: totpId,
        user_id: userId,
        code_hash: sha256(normaliseRecoveryCode(code)),
        created_at: at,
      })),
    )
    .execute();
  return codes;
}

export type CodeRefusal = "wrong" | "expired" | "reused";

async function refuse(db: Executor, userId: string, reason: CodeRefusal | "no_setup", ip: string | null, what: string) {
  await recordAudit(db, {
    actorId: userId,
    action: "auth.totp_refused",
    entityType: "user",
    entityId: userId,
    ip,
    detail: `${what}:${reason}`,
  });
}

/** Spends a code of this secret: a step at or before the last accepted one is a replay. */
async function spendStep(tx: Executor, totpId: string, step: number): Promise<boolean> {
  const r = await tx
    .updateTable("user_totp")
    .set({ last_step: step })
    .where("id", "=", totpId)
    .where("last_step", "<", step)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type ConfirmResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: CodeRefusal | "no_setup" };

/** The first code from the app proves it holds the secret: the authenticator is on from now. */
export async function confirmTotpSetup(db: DB, userId: string, code: string, ip: string | null): Promise<ConfirmResult> {
  const result = await db.transaction().execute(async (tx): Promise<ConfirmResult> => {
    const pending = await pendingTotp(tx, userId);
    if (!pending || (await activeTotp(tx, userId))) return { ok: false, reason: "no_setup" };
    const check = checkCode(pending.secret, code);
    if (!check.ok) return { ok: false, reason: check.reason };
    if (!(await spendStep(tx, pending.id, check.step))) return { ok: false, reason: "reused" };
    const at = nowIso();
    await tx.updateTable("user_totp").set({ confirmed_at: at }).where("id", "=", pending.id).execute();
    const recoveryCodes = await issueRecoveryCodes(tx, userId, pending.id);
    await recordAudit(tx, { actorId: userId, action: "auth.totp_enabled", entityType: "user", entityId: userId, ip, at });
    return { ok: true, recoveryCodes };
  });
  if (!result.ok) await refuse(db, userId, result.reason, ip, "setup");
  return result;
}

export type VerifyResult = { ok: true; method: "totp" | "recovery_code" } | { ok: false; reason: CodeRefusal | "no_setup" };

/**
 * Checks a six-digit code or a recovery code for the user's authenticator and spends it. Anything
 * else (letters, another length) is a recovery code attempt.
 */
export async function verifySecondFactor(db: Executor, userId: string, input: string): Promise<VerifyResult> {
  const active = await activeTotp(db, userId);
  if (!active) return { ok: false, reason: "no_setup" };
  const digits = input.replace(/\s+/g, "");
  if (/^\d{6}$/.test(digits)) {
    const check = checkCode(active.secret, digits);
    if (!check.ok) return { ok: false, reason: check.reason };
    return (await spendStep(db, active.id, check.step)) ? { ok: true, method: "totp" } : { ok: false, reason: "reused" };
  }
  const hash = sha256(normaliseRecoveryCode(input));
  const code = await db
    .selectFrom("totp_recovery_codes")
    .select(["id", "used_at"])
    .where("code_hash", "=", hash)
    .where("totp_id", "=", active.id)
    .executeTakeFirst();
  if (!code) return { ok: false, reason: "wrong" };
  const spent = await db
    .updateTable("totp_recovery_codes")
    .set({ used_at: nowIso() })
    .where("id", "=", code.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(spent.numUpdatedRows) === 1 ? { ok: true, method: "recovery_code" } : { ok: false, reason: "reused" };
}

export type ManageResult<T> = { ok: true; value: T } | { ok: false; reason: CodeRefusal | "no_setup" | "required" };

/** A fresh set of recovery codes; a current code is needed, so a stolen session alone cannot. */
export async function regenerateRecoveryCodes(
  db: DB,
  userId: string,
  code: string,
  ip: string | null,
): Promise<ManageResult<string[]>> {
  const result = await db.transaction().execute(async (tx): Promise<ManageResult<string[]>> => {
    const check = await verifySecondFactor(tx, userId, code);
    if (!check.ok) return check;
    const active = await activeTotp(tx, userId);
    const codes = await issueRecoveryCodes(tx, userId, active!.id);
    await recordAudit(tx, { actorId: userId, action: "auth.recovery_codes_issued", entityType: "user", entityId: userId, ip });
    return { ok: true, value: codes };
  });
  if (!result.ok && result.reason !== "required") await refuse(db, userId, result.reason, ip, "regenerate");
  return result;
}

/** Turns the authenticator off (with a current code); refused while the role requires one. */
export async function disableTotp(
  db: DB,
  user: { id: string; role: Role },
  code: string,
  ip: string | null,
): Promise<ManageResult<true>> {
  if (await totpRequiredFor(db, user.role)) return { ok: false, reason: "required" };
  const result = await db.transaction().execute(async (tx): Promise<ManageResult<true>> => {
    const check = await verifySecondFactor(tx, user.id, code);
    if (!check.ok) return check;
    const at = nowIso();
    await tx
      .updateTable("user_totp")
      .set({ revoked_at: at })
      .where("user_id", "=", user.id)
      .where("revoked_at", "is", null)
      .execute();
    await tx
      .updateTable("totp_recovery_codes")
      .set({ used_at: at })
      .where("user_id", "=", user.id)
      .where("used_at", "is", null)
      .execute();
    await recordAudit(tx, { actorId: user.id, action: "auth.totp_disabled", entityType: "user", entityId: user.id, ip, at });
    return { ok: true, value: true };
  });
  if (!result.ok && result.reason !== "required") await refuse(db, user.id, result.reason, ip, "disable");
  return result;
}

/** Which internal roles must use an authenticator. */
export async function totpPolicy(db: DB): Promise<Record<Role, boolean>> {
  const rows = await db.selectFrom("totp_required_roles").select(["role", "required"]).execute();
  const policy = Object.fromEntries(INTERNAL_ROLES.map((r) => [r, false])) as Record<Role, boolean>;
  for (const r of rows) if (INTERNAL_ROLES.includes(r.role)) policy[r.role] = Boolean(Number(r.required));
  return policy;
}

/** The administrator's choice of roles that must use an authenticator; only internal roles. */
export async function setTotpPolicy(db: DB, actorId: string, required: readonly Role[], ip: string | null): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const at = nowIso();
    const before = await tx.selectFrom("totp_required_roles").select(["role", "required"]).execute();
    for (const role of INTERNAL_ROLES) {
      const value = required.includes(role) ? 1 : 0;
      await tx
        .insertInto("totp_required_roles")
        .values({ role, required: value, updated_at: at, updated_by: actorId })
        .onConflict((oc) => oc.column("role").doUpdateSet({ required: value, updated_at: at, updated_by: actorId }))
        .execute();
    }
    await recordAudit(tx, {
      actorId,
      action: "admin.totp_policy",
      entityType: "policy",
      entityId: "totp",
      before: Object.fromEntries(before.map((r) => [r.role, Boolean(Number(r.required))])),
      after: Object.fromEntries(INTERNAL_ROLES.map((r) => [r, required.includes(r)])),
      ip,
      at,
    });
  });
}

/** Whether the user has an authenticator on (for the sign-in step). */
export async function hasTotp(db: Executor, userId: string): Promise<boolean> {
  return Boolean(await activeTotp(db, userId));
}

export const CHALLENGE_MINUTES = 5;

/** The half-way point of sign-in: a random token for the browser, its hash in the table. */
export async function createChallenge(db: Executor, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  const at = now();
  await db
    .insertInto("sign_in_challenges")
    .values({
      id: newId(),
      user_id: userId,
      token_hash: sha256(token),
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
    })
    .execute();
  return token;
}

export async function readChallenge(db: Executor, token: string) {
  const row = await db
    .selectFrom("sign_in_challenges as c")
    .innerJoin("users as u", "u.id", "c.user_id")
    .select(["c.id", "c.user_id", "c.expires_at", "c.used_at", "u.email", "u.disabled", "u.last_sign_in_at"])
    .where("c.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row || row.used_at || row.disabled) return null;
  if (row.expires_at <= nowIso()) return "expired" as const;
  return row;
}

/** Spends the challenge; of two requests with one challenge, one wins. */
export async function spendChallenge(db: Executor, id: string): Promise<boolean> {
  const r = await db
    .updateTable("sign_in_challenges")
    .set({ used_at: nowIso() })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * An administrator turns a user's authenticator off (a lost phone and lost recovery codes): every
 * code stops working and the user's sessions end. If the role requires one, the user is sent to
 * set up a new one at the next sign-in.
 */
export async function resetTotpByAdmin(db: DB, adminId: string, userId: string, ip: string | null): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const at = nowIso();
    const revoked = await tx
      .updateTable("user_totp")
      .set({ revoked_at: at })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(revoked.numUpdatedRows) === 0) return false;
    await tx
      .updateTable("totp_recovery_codes")
      .set({ used_at: at })
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .execute();
    // Sessions are credentials, not records (decision 001): ending them removes them.
    await tx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await recordAudit(tx, { actorId: adminId, action: "admin.totp_reset", entityType: "user", entityId: userId, ip, at });
    return true;
  });
}
