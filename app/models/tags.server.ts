/**
 * Tags on consultations, issues and milestones: an administrator's vocabulary plus free tags typed
 * on a record. A tag has a level like any record; every read starts from `visibleTags`, so a tag
 * the reader may not see is absent from pages, filters and search, and its page answers 404.
 */
import { can, type SessionUser } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import { likePatterns } from "~/models/contacts.server";
import { visibleConsultations, visibleIssues, visibleMilestones, visibleTags } from "~/models/scopes.server";
import { refused, versionedUpdate, type CreateResult, type Refused, type WriteResult } from "~/models/writes.server";
import { addTagSchema, removeTagSchema } from "~/schemas/contacts";
import type { DB } from "~/utils/db.server";
import { failure, normaliseText, parseForm, type FormFailure } from "~/utils/forms";
import { newId, nowIso } from "~/utils/ids.server";
import type { Tag, TaggableKind, Visibility } from "~db/schema";

export interface TagRef {
  id: string;
  name: string;
  kind: Tag["kind"];
  visibility: Visibility;
}

/** The comparison form of a name: NFC, trimmed, inner spaces collapsed, lower-cased. */
export function tagKey(name: string): string {
  return normaliseText(name).trim().replace(/\s+/g, " ").toLowerCase();
}

/** Visible tags by name, for the tag page and the list filters. */
export async function listTags(db: DB, user: SessionUser, options: { includeArchived?: boolean } = {}) {
  let query = visibleTags(db, user).select(["tg.id", "tg.name", "tg.kind", "tg.visibility", "tg.archived_at", "tg.version"]);
  if (!options.includeArchived) query = query.where("tg.archived_at", "is", null);
  return query.orderBy("tg.name_key").orderBy("tg.id").limit(500).execute();
}

export async function getTag(db: DB, user: SessionUser, id: string) {
  return visibleTags(db, user).selectAll("tg").where("tg.id", "=", id).executeTakeFirst();
}

/** Visible tags whose name holds every word, for the search page. */
export async function searchTags(db: DB, user: SessionUser, input: string, limit = 20) {
  const patterns = likePatterns(input);
  if (patterns.length === 0) return [];
  let query = visibleTags(db, user).where("tg.archived_at", "is", null);
  for (const p of patterns) query = query.where("tg.name_key", "like", p);
  return query.select(["tg.id", "tg.name", "tg.visibility"]).orderBy("tg.name_key").limit(limit).execute();
}

/** The visible tags of some records of one kind, by record id. */
export async function tagsOf(
  db: DB,
  user: SessionUser,
  kind: TaggableKind,
  ids: readonly string[],
): Promise<Map<string, TagRef[]>> {
  const map = new Map<string, TagRef[]>();
  if (ids.length === 0) return map;
  const rows = await visibleTags(db, user)
    .innerJoin("record_tags as rt", "rt.tag_id", "tg.id")
    .where("rt.entity_type", "=", kind)
    .where("rt.entity_id", "in", [...ids])
    .where("tg.archived_at", "is", null)
    .select(["rt.entity_id", "tg.id", "tg.name", "tg.kind", "tg.visibility"])
    .orderBy("tg.name_key")
    .execute();
  for (const r of rows)
    map.set(r.entity_id, [...(map.get(r.entity_id) ?? []), { id: r.id, name: r.name, kind: r.kind, visibility: r.visibility }]);
  return map;
}

/**
 * Ids of the records of `kind` carrying the tag, for a list's `tag` filter: empty unless the
 * reader may see the tag itself, so filtering by a hidden tag's id tells nothing.
 */
export function taggedIds(db: Executor, user: SessionUser, kind: TaggableKind, tagId: string) {
  return db
    .selectFrom("record_tags as ft")
    .select("ft.entity_id")
    .where("ft.entity_type", "=", kind)
    .where("ft.tag_id", "=", tagId)
    .where(
      "ft.tag_id",
      "in",
      visibleTags(db as DB, user)
        .select("tg.id")
        .where("tg.id", "=", tagId),
    );
}

/** The records carrying a tag that the reader may see, by kind. */
export async function recordsTagged(db: DB, user: SessionUser, tagId: string, limit = 100) {
  const ids = (kind: TaggableKind) => taggedIds(db, user, kind, tagId);
  const [consultations, issues, milestones] = await Promise.all([
    visibleConsultations(db, user)
      .where("c.id", "in", ids("consultation"))
      .where("c.archived_at", "is", null)
      .select(["c.id", "c.title", "c.starts_at", "c.visibility"])
      .orderBy("c.starts_at", "desc")
      .limit(limit)
      .execute(),
    visibleIssues(db, user)
      .where("i.id", "in", ids("issue"))
      .where("i.archived_at", "is", null)
      .select(["i.id", "i.title", "i.status", "i.visibility"])
      .orderBy("i.title")
      .limit(limit)
      .execute(),
    visibleMilestones(db, user)
      .where("m.id", "in", ids("milestone"))
      .where("m.archived_at", "is", null)
      .select(["m.id", "m.title", "m.due_date", "m.visibility"])
      .orderBy("m.due_date")
      .limit(limit)
      .execute(),
  ]);
  return { consultations, issues, milestones };
}

/** Vocabulary and free tags an editor may put on a record: visible, live, by name. */
export async function tagChoices(db: DB, user: SessionUser) {
  return (await listTags(db, user)).map((t) => ({ id: t.id, name: t.name, kind: t.kind }));
}

type TagRefusal = Refused<"unknown_tag" | "archived_tag">;

/**
 * Puts a tag on a record the caller has checked the user may see and edit. A typed name reuses
 * the visible tag of that name, or makes a free tag at the record's level (never wider than the
 * record, so a free tag says nothing to someone who cannot read what it was first put on).
 */
export async function addTag(
  db: DB,
  user: SessionUser,
  target: { kind: TaggableKind; id: string; visibility: Visibility },
  input: { tagId?: string | undefined; name?: string | undefined },
): Promise<CreateResult<{ tag: TagRef; added: boolean }, TagRefusal>> {
  return db.transaction().execute(async (tx) => {
    const now = nowIso();
    let tag: Tag | undefined;
    if (input.tagId) {
      tag = await visibleTags(tx as unknown as DB, user)
        .selectAll("tg")
        .where("tg.id", "=", input.tagId)
        .executeTakeFirst();
      if (!tag) return refused("unknown_tag");
    } else {
      const name = normaliseText(input.name ?? "")
        .trim()
        .replace(/\s+/g, " ");
      const key = tagKey(name);
      const found = await visibleTags(tx as unknown as DB, user)
        .selectAll("tg")
        .where("tg.name_key", "=", key)
        .orderBy("tg.archived_at", "desc")
        .execute();
      // A live one first; an archived one is refused rather than silently revived.
      tag = found.find((t) => t.archived_at === null) ?? found[0];
      if (!tag) {
        tag = await tx
          .insertInto("tags")
          .values({
            id: newId(),
            name,
            name_key: key,
            kind: "free",
            visibility: target.visibility,
            created_by: user.id,
            archived_at: null,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, {
          actorId: user.id,
          action: "tag.create",
          entityType: "tag",
          entityId: tag.id,
          after: tag,
          at: now,
        });
      }
    }
    if (tag.archived_at !== null) return refused("archived_tag");
    const ref: TagRef = { id: tag.id, name: tag.name, kind: tag.kind, visibility: tag.visibility };
    const existing = await tx
      .selectFrom("record_tags")
      .select("tag_id")
      .where("tag_id", "=", tag.id)
      .where("entity_type", "=", target.kind)
      .where("entity_id", "=", target.id)
      .executeTakeFirst();
    if (existing) return { ok: true as const, record: { tag: ref, added: false } };
    const link = { tag_id: tag.id, entity_type: target.kind, entity_id: target.id, created_by: user.id, created_at: now };
    await tx.insertInto("record_tags").values(link).execute();
    await recordAudit(tx, {
      actorId: user.id,
      action: "tag.apply",
      entityType: `${target.kind}_tags`,
      entityId: target.id,
      after: link,
      at: now,
    });
    return { ok: true as const, record: { tag: ref, added: true } };
  });
}

/** Takes a tag off a record (the audit log keeps that it was there); taking off one already gone is done. */
export async function removeTag(
  db: DB,
  user: SessionUser,
  target: { kind: TaggableKind; id: string },
  tagId: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const link = await tx
      .selectFrom("record_tags")
      .selectAll()
      .where("tag_id", "=", tagId)
      .where("tag_id", "in", visibleTags(tx as unknown as DB, user).select("tg.id"))
      .where("entity_type", "=", target.kind)
      .where("entity_id", "=", target.id)
      .executeTakeFirst();
    if (!link) return;
    await tx
      .deleteFrom("record_tags")
      .where("tag_id", "=", tagId)
      .where("entity_type", "=", target.kind)
      .where("entity_id", "=", target.id)
      .execute();
    await recordAudit(tx, {
      actorId: user.id,
      action: "tag.remove",
      entityType: `${target.kind}_tags`,
      entityId: target.id,
      before: link,
    });
  });
}

// ---- The vocabulary ---------------------------------------------------------------------------

type VocabularyRefusal = Refused<"forbidden" | "name_taken">;

async function nameTaken(tx: Executor, key: string, visibility: Visibility, exceptId?: string) {
  let query = tx.selectFrom("tags").select("id").where("name_key", "=", key).where("visibility", "=", visibility);
  if (exceptId) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function createVocabularyTag(
  db: DB,
  user: SessionUser,
  input: { name: string; visibility: Visibility },
): Promise<CreateResult<Tag, VocabularyRefusal>> {
  if (!can(user, "tags:vocabulary")) return refused("forbidden");
  return db.transaction().execute(async (tx) => {
    const key = tagKey(input.name);
    if (await nameTaken(tx, key, input.visibility)) return refused("name_taken");
    const now = nowIso();
    const row = await tx
      .insertInto("tags")
      .values({
        id: newId(),
        name: input.name.replace(/\s+/g, " "),
        name_key: key,
        kind: "vocabulary",
        visibility: input.visibility,
        created_by: user.id,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { actorId: user.id, action: "tag.create", entityType: "tag", entityId: row.id, after: row, at: now });
    return { ok: true as const, record: row };
  });
}

function tagRecord(user: SessionUser, id: string) {
  return {
    table: "tags" as const,
    id,
    actorId: user.id,
    load: (tx: Executor) =>
      visibleTags(tx as unknown as DB, user)
        .selectAll("tg")
        .where("tg.id", "=", id)
        .executeTakeFirst(),
    reload: (tx: Executor) => tx.selectFrom("tags").selectAll().where("id", "=", id).executeTakeFirst(),
    permit: (): VocabularyRefusal | null => (can(user, "tags:vocabulary") ? null : refused("forbidden")),
    result: (row: Tag) => row,
  };
}

/** Renames a tag or changes its level; a free tag so edited joins the vocabulary. */
export async function updateTag(
  db: DB,
  user: SessionUser,
  id: string,
  expectedVersion: number,
  input: { name: string; visibility: Visibility },
): Promise<WriteResult<Tag, VocabularyRefusal>> {
  const key = tagKey(input.name);
  return versionedUpdate(db, {
    ...tagRecord(user, id),
    expectedVersion,
    check: async (_before, tx): Promise<VocabularyRefusal | null> =>
      (await nameTaken(tx, key, input.visibility, id)) ? refused("name_taken") : null,
    set: () => ({
      name: input.name.replace(/\s+/g, " "),
      name_key: key,
      visibility: input.visibility,
      kind: "vocabulary" as const,
    }),
    action: "tag.update",
  });
}

export async function setTagArchived(
  db: DB,
  user: SessionUser,
  id: string,
  expectedVersion: number,
  archived: boolean,
): Promise<WriteResult<Tag, VocabularyRefusal>> {
  return versionedUpdate(db, {
    ...tagRecord(user, id),
    expectedVersion,
    set: (_, now) => ({ archived_at: archived ? now : null }),
    action: archived ? "tag.archive" : "tag.restore",
  });
}

// ---- The tag section of a record page -----------------------------------------------------------

export interface TagIntentResult {
  status: number;
  body: FormFailure | { ok: true; message: string };
}

/**
 * The `tag-add` and `tag-remove` intents of a record's page, posted to the record's own route.
 * The caller has checked that the user may see and edit the record.
 */
export async function handleTagIntent(
  db: DB,
  user: SessionUser,
  target: { kind: TaggableKind; id: string; visibility: Visibility },
  intent: "tag-add" | "tag-remove",
  formData: FormData,
): Promise<TagIntentResult> {
  if (intent === "tag-remove") {
    const parsed = parseForm(removeTagSchema, formData);
    if (!parsed.ok) return { status: 400, body: parsed };
    await removeTag(db, user, target, parsed.data.tagId);
    return { status: 200, body: { ok: true, message: "Tag removed." } };
  }
  const parsed = parseForm(addTagSchema, formData);
  if (!parsed.ok) return { status: 400, body: parsed };
  const result = await addTag(db, user, target, parsed.data);
  if (!result.ok)
    return {
      status: 400,
      body:
        result.code === "archived_tag"
          ? failure({ name: "That tag is archived; choose another." }, parsed.data)
          : failure({ tagId: "Choose a tag from the list." }, parsed.data),
    };
  return {
    status: 200,
    body: { ok: true, message: result.record.added ? "Tag added." : "That tag was already on this record." },
  };
}
