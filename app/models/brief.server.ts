/**
 * The negotiation brief: one dated document assembled from every section's own scoped queries,
 * limited to the levels the reader chose (each of which the reader must be allowed to see).
 */
import { visibilityScope, type SessionUser } from "~/models/access.server";
import { visibleConsultations } from "~/models/scopes.server";
import type { DB } from "~/utils/db.server";
import { classificationOf } from "~/utils/brief";
import type { Visibility } from "~db/schema";

export type BriefLevelsResult = { ok: true; levels: Visibility[] } | { ok: false; message: string };

/** The chosen levels, checked against what the user may see; none chosen means all allowed. */
export function allowedBriefLevels(user: SessionUser, chosen: Visibility[]): BriefLevelsResult {
  const allowed = visibilityScope(user).levels;
  const refused = chosen.filter((l) => !allowed.includes(l));
  if (refused.length > 0) return { ok: false, message: `You may not include ${refused.join(" or ")} material in a brief.` };
  return { ok: true, levels: chosen.length > 0 ? chosen : [...allowed] };
}

export interface BriefConsultation {
  id: string;
  title: string;
  startsAt: string;
  kind: string;
  outcome: string;
  visibility: Visibility;
}

async function recentConsultations(db: DB, user: SessionUser, levels: Visibility[], limit = 8): Promise<BriefConsultation[]> {
  const rows = await visibleConsultations(db, user)
    .where("c.visibility", "in", levels)
    .where("c.archived_at", "is", null)
    .select(["c.id", "c.title", "c.starts_at", "c.kind", "c.outcome", "c.visibility"])
    .orderBy("c.starts_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, startsAt: r.starts_at, kind: r.kind, outcome: r.outcome, visibility: r.visibility }));
}

export interface Brief {
  generatedAt: string;
  levels: Visibility[];
  classification: Visibility;
  consultations: BriefConsultation[];
}

export async function assembleBrief(db: DB, user: SessionUser, levels: Visibility[], now = new Date()): Promise<Brief> {
  const consultations = await recentConsultations(db, user, levels);
  const contained = [...consultations.map((c) => c.visibility)];
  return {
    generatedAt: now.toISOString(),
    levels,
    classification: classificationOf(contained),
    consultations,
  };
}
