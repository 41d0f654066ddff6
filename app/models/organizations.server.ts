import { recordAudit, type Executor } from "~/models/audit.server";
import { versionedUpdate, type WriteResult } from "~/models/writes.server";
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
