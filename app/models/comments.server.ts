/**
 * Comments on any record: consultations now, issues and milestones later. A comment carries its
 * own visibility, never looser than the record's, so a restricted remark on a shared meeting stays
 * restricted. Append-only. Callers check that the user can see the record itself first.
 */
import { assignableVisibilities, can, type SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import type { CommentView } from "~/models/comments";
import { visibleComments } from "~/models/scopes.server";
import { commentSchema } from "~/schemas/consultations";
import { now } from "~/utils/clock";
import type { DB } from "~/utils/db.server";
import { failure, parseForm, type FormFailure } from "~/utils/forms";
import { newId, nowIso } from "~/utils/ids.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { VISIBILITIES, type Visibility } from "~db/schema";

export interface CommentTarget {
  entityType: string;
  entityId: string;
  /** The record's own visibility: the loosest a comment on it may have. */
  visibility: Visibility;
}

export type { CommentView };

const STRICTNESS: Record<Visibility, number> = { shared: 0, internal: 1, restricted: 2 };

/** Levels this user may give a comment on this record: at least as strict as the record, and readable by the user. */
export function commentVisibilitiesFor(user: SessionUser, recordVisibility: Visibility): Visibility[] {
  const mine = assignableVisibilities(user);
  return VISIBILITIES.filter((v) => STRICTNESS[v] >= STRICTNESS[recordVisibility] && mine.includes(v));
}

/**
 * The level a new comment starts at: the most restrictive the author may use, so an internal
 * remark on a shared record reaches the other side only when the author chooses "Shared".
 */
export function defaultCommentVisibility(user: SessionUser, recordVisibility: Visibility): Visibility | null {
  const levels = commentVisibilitiesFor(user, recordVisibility);
  return levels.reduce<Visibility | null>(
    (strictest, v) => (strictest === null || STRICTNESS[v] > STRICTNESS[strictest] ? v : strictest),
    null,
  );
}

export async function listComments(db: DB, user: SessionUser, target: CommentTarget): Promise<CommentView[]> {
  const rows = await visibleComments(db, user, target.entityType, target.entityId)
    .innerJoin("users as u", "u.id", "cm.author_id")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .select(["cm.id", "cm.body", "cm.visibility", "cm.created_at", "u.display_name", "o.short_name"])
    .orderBy("cm.created_at", "asc")
    .orderBy("cm.id", "asc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authorName: r.display_name,
    authorOrganization: r.short_name,
    createdAt: r.created_at,
    visibility: r.visibility,
    html: renderMarkdown(r.body),
  }));
}

export type AddCommentResult = { ok: true; id: string } | { ok: false; field: "visibility" | "form"; message: string };

export async function addComment(
  db: DB,
  user: SessionUser,
  target: CommentTarget,
  input: { body: string; visibility: Visibility },
): Promise<AddCommentResult> {
  if (!can(user, "comment:create")) return { ok: false, field: "form", message: "You cannot comment here." };
  if (!commentVisibilitiesFor(user, target.visibility).includes(input.visibility)) {
    return { ok: false, field: "visibility", message: "A comment cannot be seen more widely than the record it is on." };
  }
  const now = nowIso();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("comments")
      .values({
        id: newId(),
        entity_type: target.entityType,
        entity_id: target.entityId,
        body: input.body,
        visibility: input.visibility,
        author_id: user.id,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: user.id,
      action: "comment.create",
      entityType: "comment",
      entityId: row.id,
      after: row,
      at: now,
      detail: `${target.entityType} ${target.entityId}`,
    });
    return { ok: true, id: row.id } as const;
  });
}

export type CommentIntentResult =
  { status: 200; body: { ok: true; savedCount: number; message: string } } | { status: 400; body: FormFailure };

/**
 * The `intent=comment` branch of a record page's action, for every record type: validates, checks
 * the level against the record's and stores. The caller has found the record visible (else 404).
 */
export async function handleCommentIntent(
  db: DB,
  user: SessionUser,
  target: CommentTarget,
  formData: FormData,
): Promise<CommentIntentResult> {
  const parsed = parseForm(commentSchema, formData);
  if (!parsed.ok) return { status: 400, body: parsed };
  const result = await addComment(db, user, target, parsed.data);
  if (!result.ok) {
    return {
      status: 400,
      body: failure(
        result.field === "visibility" ? { visibility: result.message } : {},
        parsed.data,
        result.field === "form" ? result.message : undefined,
      ),
    };
  }
  return { status: 200, body: { ok: true, savedCount: now().getTime(), message: "Comment posted." } };
}
