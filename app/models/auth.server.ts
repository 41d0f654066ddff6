/**
 * Sign-in, sessions and sign-out. Sessions are lucia v3 sessions stored through Kysely (see
 * docs/decisions/001-sessions.md). The cookie carries a random token; the `sessions` table holds
 * only its SHA-256 (the lucia session id), so reading the database gives no usable session
 * (docs/decisions/010-hardening.md).
 */
import crypto from "node:crypto";
import { Cookie, generateIdFromEntropySize, Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";

import type { SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { dummyPasswordHash, verifyPassword } from "~/models/password.server";
import {
  createChallenge,
  hasTotp,
  readChallenge,
  spendChallenge,
  verifySecondFactor,
  type CodeRefusal,
} from "~/models/totp.server";
import { stampSignIn } from "~/models/writes.server";
import { now as clockNow } from "~/utils/clock";
import { getDb, type DB } from "~/utils/db.server";
import { cookieSecure, env } from "~/utils/env.server";
import { redirectTo, redirectToSignIn } from "~/utils/http.server";
import { newId, nowIso } from "~/utils/ids.server";
import { homeTimeZone, isLocale } from "~/utils/preferences";
import { noteRequestUser } from "~/utils/request-log.server";
import { currentRequestScope } from "~/utils/request-scope.server";
import type { Role } from "~db/schema";

interface SessionAttributes {
  createdAt: string;
}

type UserAttributes = Omit<SessionUser, "id">;

declare module "lucia" {
  interface Register {
    Lucia: Lucia<SessionAttributes, UserAttributes>;
    DatabaseSessionAttributes: { created_at: string; ip: string | null; user_agent: string | null };
    DatabaseUserAttributes: UserAttributes;
  }
}

/** lucia's Adapter over Kysely: portable SQL, and a disabled user has no valid session. */
export class KyselySessionAdapter implements Adapter {
  constructor(private readonly db: () => DB) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db()
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .innerJoin("organizations as o", "o.id", "u.organization_id")
      .select([
        "s.id",
        "s.user_id",
        "s.expires_at",
        "s.created_at",
        "s.ip",
        "s.user_agent",
        "u.email",
        "u.display_name",
        "u.role",
        "u.disabled",
        "u.organization_id",
        "o.name as organization_name",
        "o.short_name as organization_short_name",
        "o.country as organization_country",
        "u.locale",
        "u.time_zone",
        // Folded into the one session read: whether the user must set up an authenticator first.
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom("user_totp as t")
                .select("t.id")
                .whereRef("t.user_id", "=", "u.id")
                .where("t.confirmed_at", "is not", null)
                .where("t.revoked_at", "is", null),
            )
            .as("totp_on"),
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom("totp_required_roles as r")
                .select("r.role")
                .whereRef("r.role", "=", "u.role")
                .where("r.required", "=", 1),
            )
            .as("totp_required"),
      ])
      .where("s.id", "=", sessionId)
      .executeTakeFirst();
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: row.id,
      userId: row.user_id,
      expiresAt: new Date(row.expires_at),
      attributes: { created_at: row.created_at, ip: row.ip, user_agent: row.user_agent },
    };
    if (row.disabled) return [session, null];
    const user: DatabaseUser = {
      id: row.user_id,
      attributes: {
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        organizationId: row.organization_id,
        organizationName: row.organization_name,
        organizationShortName: row.organization_short_name,
        locale: isLocale(row.locale) ? row.locale : null,
        timeZone: homeTimeZone(row.time_zone, row.organization_country),
        mustSetUpTotp: Boolean(Number(row.totp_required)) && !Number(row.totp_on),
      },
    };
    return [session, user];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db().selectFrom("sessions").selectAll().where("user_id", "=", userId).execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      expiresAt: new Date(r.expires_at),
      attributes: { created_at: r.created_at, ip: r.ip, user_agent: r.user_agent },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db()
      .insertInto("sessions")
      .values({
        id: session.id,
        user_id: session.userId,
        expires_at: session.expiresAt.toISOString(),
        created_at: session.attributes.created_at,
        ip: session.attributes.ip,
        user_agent: session.attributes.user_agent,
      })
      .execute();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db().updateTable("sessions").set({ expires_at: expiresAt.toISOString() }).where("id", "=", sessionId).execute();
  }

  // Sessions are credentials, not records: ending one removes it (see the sessions decision).
  async deleteSession(sessionId: string): Promise<void> {
    await this.db().deleteFrom("sessions").where("id", "=", sessionId).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db().deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db().deleteFrom("sessions").where("expires_at", "<=", nowIso()).execute();
  }
}

export const SESSION_COOKIE = "accord_session";
/** Carries the half-way sign-in token from the password step to the code step, for 5 minutes. */
export const CHALLENGE_COOKIE = "accord_sign_in";

export function challengeCookieHeader(token: string | null): string {
  return new Cookie(CHALLENGE_COOKIE, token ?? "", {
    httpOnly: true,
    secure: cookieSecure(),
    sameSite: "lax",
    path: "/login",
    maxAge: token ? 5 * 60 : 0,
  }).serialize();
}

export function readChallengeCookie(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CHALLENGE_COOKIE) return decodeURIComponent(rest.join("=")) || null;
  }
  return null;
}

let luciaInstance: Lucia<SessionAttributes, UserAttributes> | undefined;

export function lucia(): Lucia<SessionAttributes, UserAttributes> {
  return (luciaInstance ??= new Lucia(new KyselySessionAdapter(getDb), {
    sessionExpiresIn: new TimeSpan(env().SESSION_IDLE_MINUTES, "m"),
    sessionCookie: {
      name: SESSION_COOKIE,
      // The server decides expiry; see `sessionCookieHeader` for the cookie's own lifetime.
      expires: false,
      attributes: { secure: cookieSecure(), sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (a) => ({ createdAt: a.created_at }),
    getUserAttributes: (a) => a,
  }));
}

/**
 * The Set-Cookie value for a new session: a browser-session cookie (no Max-Age or Expires), so it
 * goes when the browser closes. lucia's `expires: false` would instead send a 400-day Max-Age.
 */
export function sessionCookieHeader(token: string): string {
  const { name, value, attributes } = lucia().createSessionCookie(token);
  return new Cookie(name, value, { ...attributes, maxAge: undefined, expires: undefined }).serialize();
}

/** The stored session id of a cookie's token. */
export function sessionIdOf(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** The session id behind the request's cookie, or null. */
export function requestSessionId(request: Request): string | null {
  const token = lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
  return token ? sessionIdOf(token) : null;
}

/** A new session: the table gets the token's hash, the caller the token for the cookie. */
export async function createSessionFor(
  userId: string,
  attributes: { created_at: string; ip: string | null; user_agent: string | null },
): Promise<{ token: string; sessionId: string }> {
  const token = generateIdFromEntropySize(25);
  const sessionId = sessionIdOf(token);
  await lucia().createSession(userId, attributes, { sessionId });
  return { token, sessionId };
}

const resolved = new WeakMap<object, { cookie: string; user: Promise<SessionUser | null> }>();

/**
 * The signed-in user, or null. Computed once per HTTP request however many loaders ask: Remix
 * gives each loader its own `Request`, so the memo keys on the request's load context (the
 * request scope app/server.ts opens), and on the `Request` only outside any scope. A memo is
 * only reused for the same cookie, so signing in within a request is seen.
 */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  const key = currentRequestScope() ?? request;
  const cookie = request.headers.get("Cookie") ?? "";
  let entry = resolved.get(key);
  if (!entry || entry.cookie !== cookie) {
    entry = { cookie, user: resolveSessionUser(request) };
    resolved.set(key, entry);
  }
  return entry.user;
}

async function resolveSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = requestSessionId(request);
  if (!sessionId) return null;
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session || !user) return null;
  const { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES } = env();
  const now = clockNow().getTime();
  if (now - Date.parse(session.createdAt) > SESSION_ABSOLUTE_HOURS * 3_600_000) {
    await lucia().invalidateSession(session.id);
    return null;
  }
  // lucia only extends a session past half its life; keep the idle window a true 30 minutes,
  // writing at most once a minute per session.
  const idleMs = SESSION_IDLE_MINUTES * 60_000;
  if (!session.fresh && session.expiresAt.getTime() - now < idleMs - 60_000) {
    await new KyselySessionAdapter(getDb).updateSessionExpiration(session.id, new Date(now + idleMs));
  }
  noteRequestUser(user.id);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as Role,
    organizationId: user.organizationId,
    organizationName: user.organizationName,
    organizationShortName: user.organizationShortName,
    locale: user.locale,
    timeZone: user.timeZone,
    ...(user.mustSetUpTotp ? { mustSetUpTotp: true } : {}),
  };
}

/** The page where a user sets up an authenticator; the only one open until they have. */
export const TOTP_SETUP_PATH = "/account/security";

/**
 * Every loader and action starts here: the user, or a redirect to sign in. A user whose role
 * requires an authenticator and who has none is sent to set it up before anything else.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  const url = new URL(request.url);
  if (!user) {
    const back = url.pathname + url.search;
    redirectToSignIn(back);
  }
  if (user.mustSetUpTotp && url.pathname !== TOTP_SETUP_PATH) redirectTo(TOTP_SETUP_PATH);
  return user;
}

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type SignInResult =
  | { ok: true; cookie: string; userId: string }
  | { ok: false; reason: "invalid" | "throttled" }
  // The password was right and the user has an authenticator: the code is still owed.
  | { ok: false; reason: "second_factor"; challenge: string };

async function throttled(db: DB, email: string, ip: string): Promise<boolean> {
  const since = new Date(clockNow().getTime() - THROTTLE_WINDOW_MS).toISOString();
  const [byEmail, byAddress] = await Promise.all([
    db
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("email", "=", email)
      .where("succeeded", "=", 0)
      .where("at", ">", since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("ip", "=", ip)
      .where("succeeded", "=", 0)
      .where("at", ">", since)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(byEmail.n) >= MAX_FAILURES_PER_EMAIL || Number(byAddress.n) >= MAX_FAILURES_PER_ADDRESS;
}

/** Checks throttling before any hashing, then the password, and audits the outcome. */
export async function signIn(
  db: DB,
  input: { email: string; password: string; ip: string; userAgent: string | null; previousSessionId?: string | null },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  if (await throttled(db, email, input.ip)) {
    await recordAudit(db, { actorId: null, action: "auth.sign_in_throttled", ip: input.ip, detail: email });
    return { ok: false, reason: "throttled" };
  }

  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash", "disabled", "last_sign_in_at"])
    .where("email", "=", email)
    .executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  const at = nowIso();
  if (!user || !passwordOk || user.disabled) {
    await db.insertInto("login_attempts").values({ id: newId(), email, ip: input.ip, succeeded: 0, at }).execute();
    await recordAudit(db, {
      actorId: null,
      action: "auth.sign_in_failed",
      ip: input.ip,
      detail: email,
      at,
      entityType: user ? "user" : null,
      entityId: user?.id ?? null,
    });
    return { ok: false, reason: "invalid" };
  }

  if (await hasTotp(db, user.id)) return { ok: false, reason: "second_factor", challenge: await createChallenge(db, user.id) };
  return startSession(db, {
    userId: user.id,
    email,
    previousSignInAt: user.last_sign_in_at,
    ip: input.ip,
    userAgent: input.userAgent,
    previousSessionId: input.previousSessionId,
    at,
    method: "password",
  });
}

async function startSession(
  db: DB,
  input: {
    userId: string;
    email: string;
    previousSignInAt: string | null;
    ip: string;
    userAgent: string | null;
    previousSessionId?: string | null;
    at: string;
    method: "password" | "totp" | "recovery_code";
  },
): Promise<{ ok: true; cookie: string; userId: string }> {
  const { userId, at } = input;
  await db.insertInto("login_attempts").values({ id: newId(), email: input.email, ip: input.ip, succeeded: 1, at }).execute();
  // Signing in again from the same browser replaces, rather than adds to, its session.
  if (input.previousSessionId) await lucia().invalidateSession(input.previousSessionId);
  await stampSignIn(db, userId, { last_sign_in_at: at, previous_sign_in_at: input.previousSignInAt });
  const { token } = await createSessionFor(userId, {
    created_at: at,
    ip: input.ip,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
  });
  await recordAudit(db, {
    actorId: userId,
    action: "auth.sign_in",
    entityType: "user",
    entityId: userId,
    ip: input.ip,
    at,
    detail: input.method === "password" ? null : input.method,
  });
  return { ok: true, cookie: sessionCookieHeader(token), userId };
}

export type SecondFactorResult =
  | { ok: true; cookie: string; userId: string }
  | { ok: false; reason: CodeRefusal | "throttled" | "challenge_expired" | "challenge_invalid" };

/**
 * The second step of sign-in: the code (or a recovery code) for the challenge the password step
 * gave. Failures count with failed passwords, so the sign-in throttle covers both steps.
 */
export async function completeSecondFactor(
  db: DB,
  input: { challenge: string; code: string; ip: string; userAgent: string | null; previousSessionId?: string | null },
): Promise<SecondFactorResult> {
  const challenge = await readChallenge(db, input.challenge);
  if (!challenge) return { ok: false, reason: "challenge_invalid" };
  if (challenge === "expired") return { ok: false, reason: "challenge_expired" };
  if (await throttled(db, challenge.email, input.ip)) {
    await recordAudit(db, { actorId: null, action: "auth.sign_in_throttled", ip: input.ip, detail: challenge.email });
    return { ok: false, reason: "throttled" };
  }
  const at = nowIso();
  const check = await verifySecondFactor(db, challenge.user_id, input.code);
  if (!check.ok) {
    await db
      .insertInto("login_attempts")
      .values({ id: newId(), email: challenge.email, ip: input.ip, succeeded: 0, at })
      .execute();
    await recordAudit(db, {
      actorId: null,
      action: "auth.totp_refused",
      entityType: "user",
      entityId: challenge.user_id,
      ip: input.ip,
      at,
      detail: `sign_in:${check.reason}`,
    });
    return { ok: false, reason: check.reason === "no_setup" ? "challenge_invalid" : check.reason };
  }
  if (!(await spendChallenge(db, challenge.id))) return { ok: false, reason: "challenge_invalid" };
  return startSession(db, {
    userId: challenge.user_id,
    email: challenge.email,
    previousSignInAt: challenge.last_sign_in_at,
    ip: input.ip,
    userAgent: input.userAgent,
    previousSessionId: input.previousSessionId,
    at,
    method: check.method,
  });
}

/** Ends the session on the server; returns the cookie that clears it in the browser. */
export async function signOut(db: DB, request: Request, ip: string | null): Promise<string> {
  const sessionId = requestSessionId(request);
  if (sessionId) {
    const { user } = await lucia().validateSession(sessionId);
    await lucia().invalidateSession(sessionId);
    if (user) await recordAudit(db, { actorId: user.id, action: "auth.sign_out", entityType: "user", entityId: user.id, ip });
  }
  return lucia().createBlankSessionCookie().serialize();
}

export async function endAllSessionsOf(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId);
}
