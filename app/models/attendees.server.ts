/**
 * Who attended a consultation, per delegation (one per participating organization), with who led
 * each. A person is a contact or a user; a contact the reader may not see is left out of the list.
 * Adding, removing and naming the lead are separate small writes that commute, so two editors at
 * once never overwrite each other; each is audited against the consultation.
 */
import type { SessionUser } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import { visibleContacts } from "~/models/scopes.server";
import { refused, type CreateResult, type Refused } from "~/models/writes.server";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";

export interface Attendee {
  id: string;
  organizationId: string;
  leads: boolean;
  /** Set for a contact; the page links it. */
  contactId: string | null;
  name: string;
  title: string | null;
}

export interface Delegation {
  organizationId: string;
  name: string;
  shortName: string;
  attendees: Attendee[];
}

const ENTITY = "consultation_attendees";

/** The attendees the reader may see, by delegation in the order of `participants`. */
export async function delegationsOf(
  db: DB,
  user: SessionUser,
  consultationId: string,
  participants: readonly { id: string; name: string; shortName: string }[],
): Promise<Delegation[]> {
  const [contacts, users] = await Promise.all([
    db
      .selectFrom("consultation_attendees as ca")
      .innerJoin("contacts as ck", "ck.id", "ca.contact_id")
      .where("ca.consultation_id", "=", consultationId)
      .where("ca.contact_id", "in", visibleContacts(db, user).select("k.id"))
      .select(["ca.id", "ca.organization_id", "ca.leads", "ca.contact_id", "ck.name", "ck.title"])
      .execute(),
    db
      .selectFrom("consultation_attendees as ca")
      .innerJoin("users as u", "u.id", "ca.user_id")
      .where("ca.consultation_id", "=", consultationId)
      .select(["ca.id", "ca.organization_id", "ca.leads", "u.display_name as name"])
      .execute(),
  ]);
  const all: Attendee[] = [
    ...contacts.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      leads: r.leads === 1,
      contactId: r.contact_id,
      name: r.name,
      title: r.title,
    })),
    ...users.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      leads: r.leads === 1,
      contactId: null,
      name: r.name,
      title: null,
    })),
  ];
  // The lead first, then by name.
  all.sort((a, b) => Number(b.leads) - Number(a.leads) || a.name.localeCompare(b.name));
  return participants.map((p) => ({
    organizationId: p.id,
    name: p.name,
    shortName: p.shortName,
    attendees: all.filter((a) => a.organizationId === p.id),
  }));
}

/** Whom an editor may add: live contacts it may see and enabled users, of the participating organizations. */
export async function attendeeChoices(db: DB, user: SessionUser, participantIds: readonly string[]) {
  if (participantIds.length === 0) return [];
  const [contacts, users] = await Promise.all([
    visibleContacts(db, user)
      .where("k.archived_at", "is", null)
      .where("k.organization_id", "in", [...participantIds])
      .select(["k.id", "k.name", "k.title", "k.organization_id"])
      .orderBy("k.name")
      .execute(),
    db
      .selectFrom("users")
      .where("disabled", "=", 0)
      .where("organization_id", "in", [...participantIds])
      .select(["id", "display_name", "organization_id"])
      .orderBy("display_name")
      .execute(),
  ]);
  return participantIds.map((orgId) => ({
    organizationId: orgId,
    people: [
      ...contacts
        .filter((c) => c.organization_id === orgId)
        .map((c) => ({ value: `contact:${c.id}`, name: c.name, title: c.title, kind: "contact" as const })),
      ...users
        .filter((u) => u.organization_id === orgId)
        .map((u) => ({ value: `user:${u.id}`, name: u.display_name, title: null, kind: "user" as const })),
    ],
  }));
}

type AttendeeRefusal = Refused<"unknown_person" | "not_participant" | "already_attending">;

/** The person's organization, if the editor may name them: a visible live contact or an enabled user. */
async function personOrganization(tx: Executor, user: SessionUser, person: string) {
  const [kind, id] = person.split(":", 2) as ["contact" | "user", string];
  if (kind === "contact") {
    const c = await visibleContacts(tx, user)
      .where("k.id", "=", id)
      .where("k.archived_at", "is", null)
      .select(["k.organization_id"])
      .executeTakeFirst();
    return c ? { kind, id, organizationId: c.organization_id } : null;
  }
  const u = await tx
    .selectFrom("users")
    .where("id", "=", id)
    .where("disabled", "=", 0)
    .select(["organization_id"])
    .executeTakeFirst();
  return u ? { kind, id, organizationId: u.organization_id } : null;
}

/**
 * Adds a person to the delegation of their organization, which must take part in the consultation.
 * With `leads`, they lead it and whoever led before no longer does. The caller has checked that
 * the user may see and edit the consultation.
 */
export async function addAttendee(
  db: DB,
  user: SessionUser,
  consultationId: string,
  participantIds: readonly string[],
  input: { person: string; leads: boolean },
): Promise<CreateResult<{ id: string }, AttendeeRefusal>> {
  return db.transaction().execute(async (tx) => {
    const person = await personOrganization(tx, user, input.person);
    if (!person) return refused("unknown_person");
    if (!participantIds.includes(person.organizationId)) return refused("not_participant");
    const column = person.kind === "contact" ? "contact_id" : "user_id";
    const existing = await tx
      .selectFrom("consultation_attendees")
      .select("id")
      .where("consultation_id", "=", consultationId)
      .where(column, "=", person.id)
      .executeTakeFirst();
    if (existing) return refused("already_attending");
    const now = nowIso();
    const id = newId();
    if (input.leads) await clearLead(tx, consultationId, person.organizationId);
    const row = {
      id,
      consultation_id: consultationId,
      organization_id: person.organizationId,
      contact_id: person.kind === "contact" ? person.id : null,
      user_id: person.kind === "user" ? person.id : null,
      leads: input.leads ? (1 as const) : (0 as const),
      created_by: user.id,
      created_at: now,
    };
    await tx.insertInto("consultation_attendees").values(row).execute();
    await recordAudit(tx, {
      actorId: user.id,
      action: "consultation.attendee_add",
      entityType: ENTITY,
      entityId: consultationId,
      after: row,
      at: now,
    });
    return { ok: true as const, record: { id } };
  });
}

async function clearLead(tx: Executor, consultationId: string, organizationId: string) {
  await tx
    .updateTable("consultation_attendees")
    .set({ leads: 0 })
    .where("consultation_id", "=", consultationId)
    .where("organization_id", "=", organizationId)
    .execute();
}

async function attendeeRow(tx: Executor, consultationId: string, attendeeId: string) {
  return tx
    .selectFrom("consultation_attendees")
    .selectAll()
    .where("id", "=", attendeeId)
    .where("consultation_id", "=", consultationId)
    .executeTakeFirst();
}

/**
 * Takes a person off the attendance list (the audit log keeps that they were on it). Removing one
 * already removed is done, not an error: two editors may both remove the same person.
 */
export async function removeAttendee(db: DB, user: SessionUser, consultationId: string, attendeeId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await attendeeRow(tx, consultationId, attendeeId);
    if (!row) return;
    await tx.deleteFrom("consultation_attendees").where("id", "=", row.id).execute();
    await recordAudit(tx, {
      actorId: user.id,
      action: "consultation.attendee_remove",
      entityType: ENTITY,
      entityId: consultationId,
      before: row,
    });
  });
}

/** Names this attendee the lead of their delegation. */
export async function setDelegationLead(db: DB, user: SessionUser, consultationId: string, attendeeId: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await attendeeRow(tx, consultationId, attendeeId);
    if (!row) return false;
    await clearLead(tx, consultationId, row.organization_id);
    await tx.updateTable("consultation_attendees").set({ leads: 1 }).where("id", "=", row.id).execute();
    await recordAudit(tx, {
      actorId: user.id,
      action: "consultation.attendee_lead",
      entityType: ENTITY,
      entityId: consultationId,
      after: { ...row, leads: 1 },
    });
    return true;
  });
}
