/**
 * Contacts: people of each organization, distinct from user accounts (they never sign in), and
 * the consultations they attended. Every read starts from `visibleContacts`; every write is
 * versioned and audited; a contact is archived, never deleted.
 */
import { assignableVisibilities, can, type SessionUser } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import { visibleConsultations, visibleContacts } from "~/models/scopes.server";
import { searchWords } from "~/models/search";
import { refused, versionedUpdate, type CreateResult, type Refused, type WriteResult } from "~/models/writes.server";
import type { ContactFilter, ContactForm } from "~/schemas/contacts";
import type { Cursor } from "~/utils/cursor";
import type { DB } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { newId, nowIso } from "~/utils/ids.server";
import type { Contact } from "~db/schema";

export const CONTACT_PAGE_SIZE = 50;

export type ContactInput = ContactForm;
export type ContactWithOrganization = Contact & { organization_name: string; organization_short_name: string };

function withOrganization(db: Executor, user: SessionUser) {
  return visibleContacts(db, user)
    .innerJoin("organizations as ko", "ko.id", "k.organization_id")
    .selectAll("k")
    .select(["ko.name as organization_name", "ko.short_name as organization_short_name"]);
}

/** Words as LIKE patterns: the wildcard characters are dropped, so a word only ever means itself. */
export function likePatterns(input: string): string[] {
  return searchWords(input)
    .map((w) => w.replace(/[%_\\]/g, "").toLowerCase())
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w}%`);
}

/** The filtered, visible list by name; shared by the page and the CSV. */
function contactListQuery(db: Executor, user: SessionUser, filter: ContactFilter, cursor: Cursor | null) {
  let query = withOrganization(db, user);
  const archived = filter.archived ?? "exclude";
  if (archived === "exclude") query = query.where("k.archived_at", "is", null);
  if (archived === "only") query = query.where("k.archived_at", "is not", null);
  if (filter.org) query = query.where("k.organization_id", "=", filter.org);
  if (filter.visibility) query = query.where("k.visibility", "=", filter.visibility);
  for (const pattern of filter.q ? likePatterns(filter.q) : []) {
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["k.name"]), "like", pattern),
        eb(eb.fn("lower", ["k.title"]), "like", pattern),
        eb(eb.fn("lower", ["k.languages"]), "like", pattern),
        eb(eb.fn("lower", ["ko.short_name"]), "like", pattern),
      ]),
    );
  }
  if (cursor) query = query.where((eb) => eb(eb.refTuple("k.name", "k.id"), ">", eb.tuple(cursor.key, cursor.id)));
  return query.orderBy("k.name").orderBy("k.id");
}

export async function listContacts(
  db: DB,
  user: SessionUser,
  filter: ContactFilter,
  cursor: Cursor | null,
  limit: number | null = CONTACT_PAGE_SIZE,
) {
  const query = contactListQuery(db, user, filter, cursor);
  const rows = await (limit === null ? query : query.limit(limit + 1)).execute();
  if (limit === null) return { rows, next: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? { key: last.name, id: last.id } : null };
}

export async function getContact(db: Executor, user: SessionUser, id: string): Promise<ContactWithOrganization | undefined> {
  return withOrganization(db, user).where("k.id", "=", id).executeTakeFirst();
}

/** Visible contacts whose name, title or languages hold every word: for the search page. */
export async function searchContacts(db: DB, user: SessionUser, input: string, limit = 20) {
  const patterns = likePatterns(input);
  if (patterns.length === 0) return [];
  return (await contactListQuery(db, user, { q: input }, null).limit(limit).execute()).map((k) => ({
    id: k.id,
    name: k.name,
    title: k.title,
    organization: k.organization_short_name,
  }));
}

/** The consultations this contact attended that the reader may see, newest first. */
export async function consultationsAttendedBy(db: DB, user: SessionUser, contactId: string, limit = 100) {
  return visibleConsultations(db, user)
    .innerJoin("consultation_attendees as ca", "ca.consultation_id", "c.id")
    .where("ca.contact_id", "=", contactId)
    .select(["c.id", "c.title", "c.starts_at", "c.time_zone", "c.visibility", "c.archived_at", "ca.leads"])
    .orderBy("c.starts_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
}

/** Organizations a contact may belong to: every live one, and the contact's own even if archived. */
export async function contactOrganizations(db: DB, currentId?: string) {
  return db
    .selectFrom("organizations")
    .select(["id", "name", "short_name"])
    .where((eb) => (currentId ? eb.or([eb("archived_at", "is", null), eb("id", "=", currentId)]) : eb("archived_at", "is", null)))
    .orderBy("name")
    .execute();
}

/** Field errors the schema cannot judge: the organization must exist, the level be one the user may give. */
export async function checkContactInput(db: Executor, user: SessionUser, input: ContactInput, currentOrgId?: string) {
  const errors: FieldErrors = {};
  const org = await db
    .selectFrom("organizations")
    .select(["id", "archived_at"])
    .where("id", "=", input.organizationId)
    .executeTakeFirst();
  if (!org || (org.archived_at !== null && org.id !== currentOrgId)) errors.organizationId = "Choose the person's organization.";
  if (!assignableVisibilities(user).includes(input.visibility)) errors.visibility = "Choose a visibility you may give.";
  return errors;
}

function columnsOf(input: ContactInput) {
  return {
    organization_id: input.organizationId,
    name: input.name,
    title: input.title ?? null,
    email: input.email ? input.email.toLowerCase() : null,
    phone: input.phone ?? null,
    languages: input.languages ?? "",
    notes: input.notes ?? "",
    visibility: input.visibility,
  };
}

export async function createContact(
  db: DB,
  user: SessionUser,
  input: ContactInput,
): Promise<CreateResult<Contact, Refused<"forbidden">>> {
  if (!can(user, "contacts:manage")) return refused("forbidden");
  const now = nowIso();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("contacts")
      .values({ id: newId(), ...columnsOf(input), created_by: user.id, archived_at: null, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: user.id,
      action: "contact.create",
      entityType: "contact",
      entityId: row.id,
      after: row,
      at: now,
    });
    return { ok: true as const, record: row };
  });
}

function contactRecord(user: SessionUser, id: string) {
  return {
    table: "contacts" as const,
    id,
    actorId: user.id,
    load: (tx: Executor) => visibleContacts(tx, user).selectAll("k").where("k.id", "=", id).executeTakeFirst(),
    reload: (tx: Executor) => tx.selectFrom("contacts").selectAll().where("id", "=", id).executeTakeFirst(),
    permit: () => (can(user, "contacts:manage") ? null : refused("forbidden")),
    result: (row: Contact) => row,
  };
}

export async function updateContact(
  db: DB,
  user: SessionUser,
  id: string,
  expectedVersion: number,
  input: ContactInput,
): Promise<WriteResult<Contact, Refused<"forbidden">>> {
  return versionedUpdate(db, {
    ...contactRecord(user, id),
    expectedVersion,
    set: () => columnsOf(input),
    action: "contact.update",
  });
}

export async function setContactArchived(
  db: DB,
  user: SessionUser,
  id: string,
  expectedVersion: number,
  archived: boolean,
): Promise<WriteResult<Contact, Refused<"forbidden">>> {
  return versionedUpdate(db, {
    ...contactRecord(user, id),
    expectedVersion,
    set: (_, now) => ({ archived_at: archived ? now : null }),
    action: archived ? "contact.archive" : "contact.restore",
  });
}
