/** Diplomatic assessments: dated notes with a risk level, on an issue or on the whole negotiation. */
import type { SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { visibleAssessments } from "~/models/scopes.server";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { Assessment, RiskLevel, Visibility } from "~db/schema";

export interface AssessmentInput {
  assessedOn: string;
  risk: RiskLevel;
  summary: string;
  recommendation: string;
  visibility: Visibility;
}

export async function createAssessment(
  db: DB,
  authorId: string,
  issueId: string | null,
  input: AssessmentInput,
  at: string = nowIso(),
): Promise<Assessment> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("assessments")
      .values({
        id: newId(),
        issue_id: issueId,
        assessed_on: input.assessedOn,
        risk: input.risk,
        summary: input.summary,
        recommendation: input.recommendation,
        visibility: input.visibility,
        author_id: authorId,
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: authorId,
      action: "assessment.create",
      entityType: "assessment",
      entityId: row.id,
      after: row,
      at,
    });
    return row;
  });
}

/** Latest first. `issueId: null` lists the assessments of the negotiation as a whole. */
export async function listAssessments(db: DB, user: SessionUser, issueId: string | null, limit = 20) {
  let query = visibleAssessments(db, user)
    .innerJoin("users as u", "u.id", "a.author_id")
    .select([
      "a.id",
      "a.assessed_on",
      "a.risk",
      "a.summary",
      "a.recommendation",
      "a.visibility",
      "a.created_at",
      "u.display_name as author",
    ]);
  query = issueId === null ? query.where("a.issue_id", "is", null) : query.where("a.issue_id", "=", issueId);
  return query.orderBy("a.assessed_on", "desc").orderBy("a.created_at", "desc").orderBy("a.id", "desc").limit(limit).execute();
}
