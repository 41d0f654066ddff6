import { recordAudit } from "~/models/audit.server";
import { endAllSessionsOf } from "~/models/auth.server";
import type { UpdateResult } from "~/models/organizations.server";
import { hashPassword } from "~/models/password.server";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { Role, User } from "~db/schema";

/** A user as pages and the audit log see one: never the password hash. */
export type PublicUser = Omit<User, "password_hash" | "previous_sign_in_at"> & { organization_name: string; organization_short_name: string };

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
      after: { email: input.email.toLowerCase(), display_name: input.displayName, role: input.role, organization_id: input.organizationId, disabled: 0 },
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
): Promise<UpdateResult<PublicUser>> {
  const result = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) return { ok: false, reason: "missing" } as const;
    if (before.version !== expectedVersion) return { ok: false, reason: "conflict" } as const;
    const after = await tx
      .updateTable("users")
      .set({
        display_name: input.displayName,
        role: input.role,
        organization_id: input.organizationId,
        version: before.version + 1,
        updated_at: nowIso(),
      })
      .where("id", "=", id)
      .where("version", "=", expectedVersion)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { actorId, action: "user.update", entityType: "user", entityId: id, before: auditView(before), after: auditView(after) });
    return { ok: true } as const;
  });
  const current = await getUser(db, id);
  if (!current) return { ok: false, reason: "missing" };
  if (!result.ok) return result.reason === "missing" ? result : { ok: false, reason: "conflict", current };
  // A role or organization change alters what the user may see: make them sign in again.
  await endAllSessionsOf(id);
  return { ok: true, record: current };
}

/** Disabling ends every session of the user at once. */
export async function setUserDisabled(
  db: DB,
  actorId: string,
  id: string,
  disabled: boolean,
): Promise<PublicUser | undefined> {
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) return;
    const after = await tx
      .updateTable("users")
      .set({ disabled: disabled ? 1 : 0, version: before.version + 1, updated_at: nowIso() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (disabled) await tx.deleteFrom("sessions").where("user_id", "=", id).execute();
    await recordAudit(tx, {
      actorId,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return getUser(db, id);
}

export async function resetPassword(db: DB, actorId: string, id: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const changed = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom("users").select(["id", "version"]).where("id", "=", id).executeTakeFirst();
    if (!before) return false;
    await tx
      .updateTable("users")
      .set({ password_hash: passwordHash, version: before.version + 1, updated_at: nowIso() })
      .where("id", "=", id)
      .execute();
    await tx.deleteFrom("sessions").where("user_id", "=", id).execute();
    // A reset is for a suspected compromise: a leaked calendar address must stop working too.
    await tx.updateTable("calendar_feed_tokens").set({ revoked_at: nowIso() }).where("user_id", "=", id).where("revoked_at", "is", null).execute();
    await recordAudit(tx, { actorId, action: "user.reset_password", entityType: "user", entityId: id });
    return true;
  });
  return changed;
}
