/**
 * Documents attached to consultations, issues, milestones and demand requests (decision 015,
 * "Documents"). A document has a title, a kind and a level no wider than its record's; each
 * upload is a version (append-only, bytes in `document_blobs`), and the document is archived,
 * never deleted. Every read starts from `visibleDocuments`, so a document the user may not see
 * is missing from every list, count, search and download.
 */
import { createHash } from "node:crypto";

import {
  can,
  documentVisibilities,
  isNoWiderThan,
  visibilityScope,
  type Resource,
  type SessionUser,
} from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { detectFileType, DOCUMENT_FILE_TYPES, extractText, sanitizeFileName } from "~/models/document-files.server";
import type { DocumentHead, DocumentSummary } from "~/models/documents";
import {
  visibleConsultations,
  visibleDemandRequests,
  visibleDocuments,
  visibleIssues,
  visibleMilestones,
} from "~/models/scopes.server";
import { splitSnippet, toFtsQuery, type SnippetPart } from "~/models/search";
import { refused, versionedUpdate, type CreateResult, type Refused, type Tx, type WriteResult } from "~/models/writes.server";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { Document, DocumentEntityType, DocumentKind, Visibility } from "~db/schema";
import {
  documentSearchJoin,
  documentSearchMatches,
  documentSearchNewestFirst,
  documentSearchSnippet,
  replaceDocumentSearch,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
} from "~db/sql";

// ---- The record a document is attached to -----------------------------------------------------

export interface DocumentRecord {
  type: DocumentEntityType;
  id: string;
  /** The record's own title; for a demand request its parts, which the page words. */
  title: string;
  demand?: { organization: string; material: string; fiscalYear: string };
  visibility: Visibility;
  archived: boolean;
  href: string;
  /** What the access rules read about the record. */
  resource: Resource;
}

const HREF: Record<DocumentEntityType, string> = {
  consultation: "/consultations/",
  issue: "/issues/",
  milestone: "/milestones/",
  demand_request: "/demand/",
};

/** The record, when the user may see it; null otherwise (the caller answers 404). */
export async function documentRecord(
  db: DB,
  user: SessionUser,
  type: DocumentEntityType,
  id: string,
): Promise<DocumentRecord | null> {
  const href = `${HREF[type]}${id}`;
  // A consultation, issue or milestone: its own title, level and archive state.
  const found = (row: { title: string; visibility: Visibility; archived_at: string | null }, resource: Resource) => ({
    type,
    id,
    title: row.title,
    visibility: row.visibility,
    archived: row.archived_at !== null,
    href,
    resource: { ...resource, recordType: type },
  });
  if (type === "consultation") {
    const c = await visibleConsultations(db, user)
      .select(["c.id", "c.title", "c.visibility", "c.archived_at"])
      .where("c.id", "=", id)
      .executeTakeFirst();
    if (!c) return null;
    const participants = await db
      .selectFrom("consultation_participants")
      .select("organization_id")
      .where("consultation_id", "=", c.id)
      .execute();
    return found(c, { participantOrganizationIds: participants.map((p) => p.organization_id) });
  }
  if (type === "issue") {
    const i = await visibleIssues(db, user)
      .select(["i.id", "i.title", "i.visibility", "i.archived_at"])
      .where("i.id", "=", id)
      .executeTakeFirst();
    return i ? found(i, {}) : null;
  }
  if (type === "milestone") {
    const m = await visibleMilestones(db, user)
      .select(["m.id", "m.title", "m.visibility", "m.archived_at", "m.owner_organization_id"])
      .where("m.id", "=", id)
      .executeTakeFirst();
    return m ? found(m, { organizationId: m.owner_organization_id }) : null;
  }
  const r = await visibleDemandRequests(db, user)
    .innerJoin("organizations as o", "o.id", "r.organization_id")
    .select(["r.id", "r.organization_id", "r.material", "r.fiscal_year", "o.short_name"])
    .where("r.id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    type,
    id,
    title: `${r.short_name} · ${r.fiscal_year}`,
    demand: { organization: r.short_name, material: r.material, fiscalYear: r.fiscal_year },
    // A request is read by its submitter and the Indian side: its documents may be shared with
    // the submitter at most.
    visibility: "shared",
    archived: false,
    href,
    resource: { recordType: type, organizationId: r.organization_id },
  };
}

/** Whether the user may attach documents to (and version or archive those of) this record. */
export function canAttach(user: SessionUser, record: DocumentRecord): boolean {
  return !record.archived && can(user, "documents:attach", record.resource);
}

// ---- Reading ---------------------------------------------------------------------------------

export type { DocumentSummary };

/** The columns a `DocumentHead` is read from, on `documents as d`. */
const DOCUMENT_HEAD_COLUMNS = ["d.id", "d.title", "d.kind", "d.visibility", "d.current_number", "d.archived_at"] as const;

function documentHead(
  r: Pick<Document, "id" | "title" | "kind" | "visibility" | "current_number" | "archived_at">,
): DocumentHead {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    visibility: r.visibility,
    currentNumber: r.current_number,
    archivedAt: r.archived_at,
  };
}

/** A record's documents the user may see, newest first; archived ones last. */
export async function listDocuments(
  db: DB,
  user: SessionUser,
  record: Pick<DocumentRecord, "type" | "id">,
): Promise<DocumentSummary[]> {
  const rows = await visibleDocuments(db, user)
    .innerJoin("document_versions as v", (j) => j.onRef("v.document_id", "=", "d.id").onRef("v.number", "=", "d.current_number"))
    .select([...DOCUMENT_HEAD_COLUMNS, "d.created_at", "v.file_name", "v.content_type", "v.byte_size", "v.uploaded_at"])
    .where("d.entity_type", "=", record.type)
    .where("d.entity_id", "=", record.id)
    .orderBy("d.created_at", "desc")
    .orderBy("d.id", "desc")
    .limit(200)
    .execute();
  return rows
    .map((r) => ({
      ...documentHead(r),
      fileName: r.file_name,
      contentType: r.content_type,
      byteSize: r.byte_size,
      uploadedAt: r.uploaded_at,
    }))
    .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));
}

export interface DocumentVersionView {
  number: number;
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  organization: string;
  searchable: boolean;
}

export interface DocumentDetail extends DocumentHead {
  version: number;
  record: DocumentRecord;
  versions: DocumentVersionView[];
}

export async function getDocument(db: DB, user: SessionUser, id: string): Promise<DocumentDetail | null> {
  const d = await visibleDocuments(db, user)
    .select([...DOCUMENT_HEAD_COLUMNS, "d.version", "d.entity_type", "d.entity_id"])
    .where("d.id", "=", id)
    .executeTakeFirst();
  if (!d) return null;
  const record = await documentRecord(db, user, d.entity_type, d.entity_id);
  if (!record) return null;
  const versions = await db
    .selectFrom("document_versions as v")
    .innerJoin("users as u", "u.id", "v.uploaded_by")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .select([
      "v.number",
      "v.file_name",
      "v.content_type",
      "v.byte_size",
      "v.sha256",
      "v.uploaded_at",
      "v.extracted_text",
      "u.display_name",
      "o.short_name",
    ])
    .where("v.document_id", "=", d.id)
    .orderBy("v.number", "desc")
    .execute();
  return {
    ...documentHead(d),
    version: d.version,
    record,
    versions: versions.map((v) => ({
      number: v.number,
      fileName: v.file_name,
      contentType: v.content_type,
      byteSize: v.byte_size,
      sha256: v.sha256,
      uploadedAt: v.uploaded_at,
      uploadedBy: v.display_name,
      organization: v.short_name,
      searchable: v.extracted_text !== null && v.extracted_text !== "",
    })),
  };
}

export interface DocumentFile {
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  bytes: Uint8Array;
}

/** One version's bytes (the latest when `number` is omitted), when the user may see the document. */
export async function getDocumentFile(db: DB, user: SessionUser, id: string, number?: number): Promise<DocumentFile | null> {
  const row = await visibleDocuments(db, user)
    .innerJoin("document_versions as v", "v.document_id", "d.id")
    .innerJoin("document_blobs as b", "b.version_id", "v.id")
    .select(["v.file_name", "v.content_type", "v.byte_size", "v.sha256", "b.content"])
    .where("d.id", "=", id)
    .where((eb) => (number === undefined ? eb("v.number", "=", eb.ref("d.current_number")) : eb("v.number", "=", number)))
    .executeTakeFirst();
  if (!row) return null;
  return {
    fileName: row.file_name,
    contentType: row.content_type,
    byteSize: row.byte_size,
    sha256: row.sha256,
    bytes: row.content instanceof Uint8Array ? row.content : new Uint8Array(row.content as ArrayBuffer),
  };
}

// ---- Writing ---------------------------------------------------------------------------------

export type FileRefusal = "file_missing" | "file_empty" | "file_type";
export type DocumentRefusal = Refused<"forbidden" | "archived" | "visibility" | FileRefusal>;

export interface NewDocumentInput {
  title: string;
  kind: DocumentKind;
  visibility: Visibility;
  file: { name: string; bytes: Uint8Array } | null;
}

interface PreparedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
  text: string | null;
}

/** Type from the bytes, a safe name, the digest and the text, before any transaction opens. */
async function prepareFile(file: NewDocumentInput["file"]): Promise<PreparedFile | Refused<FileRefusal>> {
  if (!file) return refused("file_missing");
  if (file.bytes.length === 0) return refused("file_empty");
  const type = await detectFileType(file.bytes, file.name);
  if (!type) return refused("file_type");
  return {
    fileName: sanitizeFileName(file.name, type),
    contentType: DOCUMENT_FILE_TYPES[type].contentType,
    bytes: file.bytes,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    text: await extractText(type, file.bytes),
  };
}

async function insertVersion(
  tx: Tx,
  documentId: string,
  number: number,
  file: PreparedFile,
  userId: string,
  now: string,
): Promise<string> {
  const id = newId();
  await tx
    .insertInto("document_versions")
    .values({
      id,
      document_id: documentId,
      number,
      file_name: file.fileName,
      content_type: file.contentType,
      byte_size: file.bytes.length,
      sha256: file.sha256,
      extracted_text: file.text,
      uploaded_by: userId,
      uploaded_at: now,
    })
    .execute();
  await tx.insertInto("document_blobs").values({ version_id: id, content: file.bytes }).execute();
  return id;
}

function versionAudit(file: PreparedFile, number: number) {
  return { number, file_name: file.fileName, content_type: file.contentType, byte_size: file.bytes.length, sha256: file.sha256 };
}

export async function attachDocument(
  db: DB,
  user: SessionUser,
  record: DocumentRecord,
  input: NewDocumentInput,
  at?: string,
): Promise<CreateResult<{ id: string }, DocumentRefusal>> {
  if (!can(user, "documents:attach", record.resource)) return refused("forbidden");
  if (record.archived) return refused("archived");
  if (
    !isNoWiderThan(input.visibility, record.visibility) ||
    !documentVisibilities(user, record.visibility).includes(input.visibility)
  )
    return refused("visibility");
  const file = await prepareFile(input.file);
  if ("ok" in file) return file;
  const now = at ?? nowIso();
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("documents")
      .values({
        id,
        entity_type: record.type,
        entity_id: record.id,
        title: input.title,
        kind: input.kind,
        visibility: input.visibility,
        current_number: 1,
        created_by: user.id,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertVersion(tx, id, 1, file, user.id, now);
    await replaceDocumentSearch(tx, id, { title: input.title, body: file.text ?? "" });
    await recordAudit(tx, {
      actorId: user.id,
      action: "document.attach",
      entityType: "document",
      entityId: id,
      after: {
        entity_type: record.type,
        entity_id: record.id,
        title: input.title,
        kind: input.kind,
        visibility: input.visibility,
        ...versionAudit(file, 1),
      },
      at: now,
    });
  });
  return { ok: true, record: { id } };
}

interface DocumentRow {
  id: string;
  title: string;
  kind: DocumentKind;
  visibility: Visibility;
  current_number: number;
  archived_at: string | null;
  version: number;
}

async function loadRow(tx: Tx, user: SessionUser, id: string): Promise<DocumentRow | undefined> {
  return visibleDocuments(tx as unknown as DB, user)
    .select([...DOCUMENT_HEAD_COLUMNS, "d.version"])
    .where("d.id", "=", id)
    .executeTakeFirst();
}

/** A new upload of the same document: version N+1 becomes the current one; N and older stay. */
export async function addDocumentVersion(
  db: DB,
  user: SessionUser,
  document: Pick<DocumentDetail, "id" | "record">,
  expectedVersion: number,
  upload: NewDocumentInput["file"],
  at?: string,
): Promise<WriteResult<{ version: number; currentNumber: number }, DocumentRefusal>> {
  if (!canAttach(user, document.record)) return document.record.archived ? refused("archived") : refused("forbidden");
  const file = await prepareFile(upload);
  if ("ok" in file) return file;
  return versionedUpdate(db, {
    ...versionedDocument(user, document.id),
    expectedVersion,
    permit: (before) => (before.archived_at ? refused("archived") : null),
    set: (before) => ({ current_number: before.current_number + 1 }),
    alongside: async (tx, before, now) => {
      await insertVersion(tx, document.id, before.current_number + 1, file, user.id, now);
      await replaceDocumentSearch(tx, document.id, { title: before.title, body: file.text ?? "" });
    },
    action: "document.version",
    auditAfter: (view) => ({ ...(view as object), ...versionAudit(file, (view as DocumentRow).current_number) }),
    result: (row) => ({ version: row.version, currentNumber: row.current_number }),
    at,
  });
}

/** The document row as both versioned writes claim it: by this user, through the user's scope. */
function versionedDocument(user: SessionUser, id: string) {
  return { table: "documents" as const, id, actorId: user.id, load: (tx: Tx) => loadRow(tx, user, id) };
}

export async function setDocumentArchived(
  db: DB,
  user: SessionUser,
  document: Pick<DocumentDetail, "id" | "record">,
  expectedVersion: number,
  archived: boolean,
): Promise<WriteResult<{ version: number }, DocumentRefusal>> {
  if (!can(user, "documents:attach", document.record.resource)) return refused("forbidden");
  return versionedUpdate(db, {
    ...versionedDocument(user, document.id),
    expectedVersion,
    set: (_before, now) => ({ archived_at: archived ? now : null }),
    action: archived ? "document.archive" : "document.restore",
    result: (row) => ({ version: row.version }),
  });
}

// ---- Search ----------------------------------------------------------------------------------

export const DOCUMENT_SEARCH_LIMIT = 20;
/** How many of the newest matching documents are looked at, whatever the word (decision 012). */
const DOCUMENT_SEARCH_CANDIDATES = 200;

export interface DocumentHit {
  id: string;
  title: string;
  kind: DocumentKind;
  visibility: Visibility;
  archivedAt: string | null;
  recordType: DocumentEntityType;
  recordId: string;
  snippet: SnippetPart[];
}

/** Documents the user may see whose title or text holds every word, newest first. */
export async function searchDocuments(
  db: DB,
  user: SessionUser,
  input: string,
  limit = DOCUMENT_SEARCH_LIMIT,
): Promise<DocumentHit[]> {
  const fts = toFtsQuery(input);
  if (!fts) return [];
  // The level test first and cheaply; the record's own scope on the few candidates left.
  const levels = visibilityScope(user).levels;
  const candidates = db
    .selectFrom("document_search")
    .innerJoin("documents as d", (j) => j.on(documentSearchJoin(db)))
    .select("d.id")
    .where(documentSearchMatches(db, fts))
    .where("d.visibility", "in", [...levels])
    .orderBy(documentSearchNewestFirst(db), "desc")
    .limit(DOCUMENT_SEARCH_CANDIDATES);
  const rows = await visibleDocuments(db, user)
    .innerJoin("document_search", (j) => j.on(documentSearchJoin(db)))
    .select([
      "d.id",
      "d.title",
      "d.kind",
      "d.visibility",
      "d.archived_at",
      "d.entity_type",
      "d.entity_id",
      documentSearchSnippet(db, fts).as("snippet"),
    ])
    .where(documentSearchMatches(db, fts))
    .where("d.id", "in", candidates)
    .orderBy(documentSearchNewestFirst(db), "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    visibility: r.visibility,
    archivedAt: r.archived_at,
    recordType: r.entity_type,
    recordId: r.entity_id,
    snippet: splitSnippet(r.snippet, SNIPPET_OPEN, SNIPPET_CLOSE),
  }));
}

/** What a record page shows of its documents: the list, and where to attach one when the user may. */
export async function recordDocuments(
  db: DB,
  user: SessionUser,
  type: DocumentEntityType,
  id: string,
): Promise<{ documents: DocumentSummary[]; attachHref: string | null }> {
  const record = await documentRecord(db, user, type, id);
  if (!record) return { documents: [], attachHref: null };
  const documents = await listDocuments(db, user, record);
  return { documents, attachHref: canAttach(user, record) ? `/documents/new?on=${type}&id=${encodeURIComponent(id)}` : null };
}
