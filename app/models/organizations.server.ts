import { can, INTERNAL_ROLES, type SessionUser } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import { refused, versionedUpdate, type Refused, type WriteResult } from "~/models/writes.server";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import { type Organization, type OrganizationKind, type OrganizationSide } from "~db/schema";

export interface OrganizationInput {
  name: string;
  shortName: string;
  kind: OrganizationKind;
  country: string;
  sector?: string | undefined;
  /** Defaults to the country's side; set it when they differ (an Indian affiliate of a Japanese group). */
  side?: OrganizationSide | undefined;
  affiliation?: string | undefined;
}

/** The negotiating side an organization's country implies, when none is given. */
export function sideOfCountry(country: string): OrganizationSide {
  return country === "India" ? "india" : country === "Japan" ? "japan" : "other";
}

export async function listOrganizations(db: DB, options: { includeArchived?: boolean } = {}): Promise<Organization[]> {
  let query = db.selectFrom("organizations").selectAll();
  if (!options.includeArchived) query = query.where("archived_at", "is", null);
  return query.orderBy("name").execute();
}

export async function getOrganization(db: DB, id: string): Promise<Organization | undefined> {
  return db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function organizationNameTaken(db: Executor, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom("organizations").select("id").where("name", "=", name);
  if (exceptId) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function createOrganization(db: DB, actorId: string | null, input: OrganizationInput): Promise<Organization> {
  const now = nowIso();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("organizations")
      .values({
        id: newId(),
        name: input.name,
        short_name: input.shortName,
        kind: input.kind,
        country: input.country,
        side: input.side ?? sideOfCountry(input.country),
        affiliation: input.affiliation ?? null,
        sector: input.sector ?? null,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId,
      action: "organization.create",
      entityType: "organization",
      entityId: row.id,
      after: row,
      at: now,
    });
    return row;
  });
}

/** Refuses the edit when the record changed since the editor loaded it (its version moved on). */
export async function updateOrganization(
  db: DB,
  actorId: string,
  id: string,
  expectedVersion: number,
  input: OrganizationInput,
): Promise<WriteResult<Organization>> {
  return versionedUpdate(db, {
    ...organizationRecord(id),
    actorId,
    expectedVersion,
    set: () => ({
      name: input.name,
      short_name: input.shortName,
      kind: input.kind,
      country: input.country,
      sector: input.sector ?? null,
    }),
    action: "organization.update",
  });
}

export async function setOrganizationArchived(
  db: DB,
  actorId: string,
  id: string,
  expectedVersion: number,
  archived: boolean,
): Promise<WriteResult<Organization>> {
  return versionedUpdate(db, {
    ...organizationRecord(id),
    actorId,
    expectedVersion,
    set: (_, now) => ({ archived_at: archived ? now : null }),
    action: archived ? "organization.archive" : "organization.restore",
  });
}

function organizationRecord(id: string) {
  return {
    table: "organizations" as const,
    id,
    load: (tx: Executor) => tx.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst(),
    result: (row: Organization) => row,
  };
}

// ---- Relationship owners ----------------------------------------------------------------------

/** An organization's relationship owners, by name. */
export async function ownersOf(db: Executor, organizationId: string) {
  return db
    .selectFrom("organization_owners as oo")
    .innerJoin("users as u", "u.id", "oo.user_id")
    .innerJoin("organizations as uo", "uo.id", "u.organization_id")
    .where("oo.organization_id", "=", organizationId)
    .select(["u.id", "u.display_name", "u.role", "uo.short_name as organization_short_name"])
    .orderBy("u.display_name")
    .execute();
}

/** Who may own a relationship: enabled users of the Indian side (internal roles). */
export async function ownerCandidates(db: Executor, currentIds: readonly string[] = []) {
  return db
    .selectFrom("users as u")
    .innerJoin("organizations as uo", "uo.id", "u.organization_id")
    .where("u.role", "in", [...INTERNAL_ROLES])
    .where((eb) =>
      currentIds.length ? eb.or([eb("u.disabled", "=", 0), eb("u.id", "in", [...currentIds])]) : eb("u.disabled", "=", 0),
    )
    .select(["u.id", "u.display_name", "uo.short_name as organization_short_name"])
    .orderBy("u.display_name")
    .execute();
}

type OwnersRefusal = Refused<"forbidden" | "unknown_owner">;

/**
 * Replaces the relationship owners, claiming the organization's version: two people editing the
 * owners at once cannot overwrite each other (the second gets a conflict with its choice kept).
 */
export async function setOrganizationOwners(
  db: DB,
  user: SessionUser,
  organizationId: string,
  expectedVersion: number,
  ownerIds: readonly string[],
): Promise<WriteResult<Organization, OwnersRefusal>> {
  const wanted = [...new Set(ownerIds)];
  const load = async (tx: Executor) => {
    const org = await tx.selectFrom("organizations").selectAll().where("id", "=", organizationId).executeTakeFirst();
    if (!org) return undefined;
    const owners = await tx
      .selectFrom("organization_owners")
      .select("user_id")
      .where("organization_id", "=", organizationId)
      .orderBy("user_id")
      .execute();
    return { ...org, owners: owners.map((o) => o.user_id) };
  };
  return versionedUpdate(db, {
    table: "organizations",
    id: organizationId,
    actorId: user.id,
    expectedVersion,
    load,
    permit: (): OwnersRefusal | null => (can(user, "organizations:owners") ? null : refused("forbidden")),
    check: async (before, tx): Promise<OwnersRefusal | null> => {
      const allowed = new Set((await ownerCandidates(tx, before.owners)).map((u) => u.id));
      return wanted.every((id) => allowed.has(id)) ? null : refused("unknown_owner");
    },
    set: () => ({}),
    alongside: async (tx, _before, now) => {
      await tx.deleteFrom("organization_owners").where("organization_id", "=", organizationId).execute();
      if (wanted.length)
        await tx
          .insertInto("organization_owners")
          .values(wanted.map((userId) => ({ organization_id: organizationId, user_id: userId, created_at: now })))
          .execute();
    },
    action: "organization.owners",
    result: ({ owners: _owners, ...org }) => org,
  });
}
