import type { SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { endAllSessionsOf } from "~/models/auth.server";
import { hashPassword } from "~/models/password.server";
import { notFound, versionedUpdate, type Refused, type Tx, type WriteResult } from "~/models/writes.server";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import { homeTimeZone, isLocale } from "~/utils/preferences";
import type { Role, User } from "~db/schema";

/** A user as pages and the audit log see one: never the password hash. */
export type PublicUser = Omit<User, "password_hash" | "previous_sign_in_at"> & {
  organization_name: string;
  organization_short_name: string;
};

const publicColumns = [
  "u.id",
  "u.email",
  "u.display_name",
  "u.role",
  "u.organization_id",
  "u.disabled",
  "u.version",
  "u.last_sign_in_at",
  "u.locale",
  "u.time_zone",
  "u.created_at",
  "u.updated_at",
  "o.name as organization_name",
  "o.short_name as organization_short_name",
] as const;

function usersQuery(db: DB) {
  return db.selectFrom("users as u").innerJoin("organizations as o", "o.id", "u.organization_id").select(publicColumns);
}

function auditView(user: PublicUser | User) {
  const { email, display_name, role, organization_id, disabled } = user;
  return { email, display_name, role, organization_id, disabled };
}

export async function listUsers(db: DB): Promise<PublicUser[]> {
  return usersQuery(db).orderBy("u.display_name").execute();
}

export async function getUser(db: DB, id: string): Promise<PublicUser | undefined> {
  return usersQuery(db).where("u.id", "=", id).executeTakeFirst();
}

export async function emailTaken(db: DB, email: string): Promise<boolean> {
  return (await db.selectFrom("users").select("id").where("email", "=", email.toLowerCase()).executeTakeFirst()) !== undefined;
}

export interface NewUserInput {
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  password: string;
}

export async function createUser(db: DB, actorId: string | null, input: NewUserInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("users")
      .values({
        id,
        email: input.email.toLowerCase(),
        display_name: input.displayName,
        role: input.role,
        organization_id: input.organizationId,
        password_hash: passwordHash,
        last_sign_in_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(tx, {
      actorId,
      action: "user.create",
      entityType: "user",
      entityId: id,
      at: now,
      after: {
        email: input.email.toLowerCase(),
        display_name: input.displayName,
        role: input.role,
        organization_id: input.organizationId,
        disabled: 0,
      },
    });
  });
  const created = await getUser(db, id);
  if (!created) throw new Error("user vanished after insert");
  return created;
}

export interface UserProfileInput {
  displayName: string;
  role: Role;
  organizationId: string;
}

export async function updateUser(
  db: DB,
  actorId: string,
  id: string,
  expectedVersion: number,
  input: UserProfileInput,
): Promise<WriteResult<PublicUser>> {
  const result = await versionedUpdate(db, {
    ...userRecord(id),
    actorId,
    expectedVersion,
    set: () => ({ display_name: input.displayName, role: input.role, organization_id: input.organizationId }),
    action: "user.update",
  });
  // A role or organization change alters what the user may see: make them sign in again.
  if (result.ok) await endAllSessionsOf(id);
  return withPublicUser(db, result);
}

/** Disabling ends every session of the user at once. */
export async function setUserDisabled(db: DB, actorId: string, id: string, disabled: boolean): Promise<WriteResult<PublicUser>> {
  const result = await versionedUpdate(db, {
    ...userRecord(id),
    actorId,
    set: () => ({ disabled: disabled ? (1 as const) : (0 as const) }),
    alongside: async (tx) => {
      if (disabled) {
        await tx.deleteFrom("sessions").where("user_id", "=", id).execute();
        // Like a password reset: a leaked calendar address must not come back when the account does.
        await tx
          .updateTable("calendar_feed_tokens")
          .set({ revoked_at: nowIso() })
          .where("user_id", "=", id)
          .where("revoked_at", "is", null)
          .execute();
      }
    },
    action: disabled ? "user.disable" : "user.enable",
  });
  return withPublicUser(db, result);
}

export async function resetPassword(db: DB, actorId: string, id: string, password: string): Promise<WriteResult<PublicUser>> {
  const passwordHash = await hashPassword(password);
  const result = await versionedUpdate(db, {
    ...userRecord(id),
    actorId,
    set: () => ({ password_hash: passwordHash }),
    alongside: async (tx, _, now) => {
      await tx.deleteFrom("sessions").where("user_id", "=", id).execute();
      // A reset is for a suspected compromise: a leaked calendar address must stop working too.
      await tx
        .updateTable("calendar_feed_tokens")
        .set({ revoked_at: now })
        .where("user_id", "=", id)
        .where("revoked_at", "is", null)
        .execute();
    },
    action: "user.reset_password",
    // The event says a reset happened; it keeps nothing of the hash.
    auditView: () => undefined,
  });
  return withPublicUser(db, result);
}

/** A user as the audit log keeps one: the profile, never the password hash. */
function userRecord(id: string) {
  return {
    table: "users" as const,
    id,
    load: (tx: Tx) => tx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst(),
    auditView: auditView,
    result: (row: User) => row.id,
  };
}

/** The model's answer with the user as pages see one, read after the write. */
async function withPublicUser<R extends Refused<string>>(
  db: DB,
  result: WriteResult<string, R>,
): Promise<WriteResult<PublicUser, R>> {
  if (!result.ok && result.reason !== "conflict") return result;
  const current = await getUser(db, result.ok ? result.record : result.current);
  if (!current) return notFound;
  return result.ok ? { ok: true, record: current } : { ok: false, reason: "conflict", current };
}

/** The columns a `SessionUser` is made from, as `users as u` joined to `organizations as o` select them. */
export interface SessionUserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  organization_id: string;
  name: string;
  short_name: string;
  country: string;
  locale: string | null;
  time_zone: string | null;
}

/** Selects a `SessionUserRow` from `users as u` joined to `organizations as o`. */
export const SESSION_USER_COLUMNS = [
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
] as const;

/** The one row-to-`SessionUser` mapping: sessions, calendar feeds, seeds and tests all use it. */
export function sessionUserFromRow(row: SessionUserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organizationId: row.organization_id,
    organizationName: row.name,
    organizationShortName: row.short_name,
    locale: isLocale(row.locale) ? row.locale : null,
    timeZone: homeTimeZone(row.time_zone, row.country),
  };
}

/** The `SessionUser` of an account by email (seeds and tests act as a given person). */
export async function sessionUserByEmail(db: DB, email: string): Promise<SessionUser> {
  const row = await db
    .selectFrom("users as u")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .select(SESSION_USER_COLUMNS)
    .where("u.email", "=", email)
    .executeTakeFirstOrThrow();
  return sessionUserFromRow(row);
}
