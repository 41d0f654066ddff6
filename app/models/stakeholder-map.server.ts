/**
 * The stakeholder map: the Indian side's dated ratings of each organization's influence, interest
 * (1–5) and stance towards India's aim (−2 opposed … 2 supportive). Ratings are append-only, like
 * positions: a new rating supersedes an earlier one from its date on, and the map "as of" a day
 * shows each organization's latest rating on or before it that the reader may see.
 */
import { assertCan, ratingVisibilities, type SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { visibleStakeholderRatings } from "~/models/scopes.server";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { MapStance, RatingValue, RatingVisibility } from "~db/schema";

export interface RatingInput {
  organizationId: string;
  asOf: string;
  influence: RatingValue;
  interest: RatingValue;
  stance: MapStance;
  visibility: RatingVisibility;
  note: string | null;
}

export interface MapRating {
  id: string;
  asOf: string;
  influence: number;
  interest: number;
  stance: number;
  visibility: RatingVisibility;
  note: string | null;
}

export interface MapPoint {
  organizationId: string;
  name: string;
  shortName: string;
  country: string;
  now: MapRating | null;
  /** The latest rating on or before the earlier date, to show the movement since. */
  before: MapRating | null;
}

/** Latest visible rating per organization on or before each of the two dates. */
export async function stakeholderMap(db: DB, user: SessionUser, at: string, since: string): Promise<MapPoint[]> {
  assertCan(user, "map:read");
  const [organizations, ratings] = await Promise.all([
    db
      .selectFrom("organizations")
      .select(["id", "name", "short_name", "country"])
      .where("archived_at", "is", null)
      .orderBy("name")
      .execute(),
    visibleStakeholderRatings(db, user)
      .select(["sr.id", "sr.organization_id", "sr.as_of", "sr.influence", "sr.interest", "sr.stance", "sr.visibility", "sr.note"])
      .where("sr.as_of", "<=", at)
      // Newest first: the first row met per organization and date is the one in force.
      .orderBy("sr.as_of", "desc")
      .orderBy("sr.recorded_at", "desc")
      .orderBy("sr.id", "desc")
      .execute(),
  ]);
  const current = new Map<string, MapRating>();
  const earlier = new Map<string, MapRating>();
  for (const r of ratings) {
    const rating: MapRating = {
      id: r.id,
      asOf: r.as_of,
      influence: Number(r.influence),
      interest: Number(r.interest),
      stance: Number(r.stance),
      visibility: r.visibility,
      note: r.note,
    };
    if (!current.has(r.organization_id)) current.set(r.organization_id, rating);
    if (r.as_of <= since && !earlier.has(r.organization_id)) earlier.set(r.organization_id, rating);
  }
  return organizations
    .map((o) => ({
      organizationId: o.id,
      name: o.name,
      shortName: o.short_name,
      country: o.country,
      now: current.get(o.id) ?? null,
      before: earlier.get(o.id) ?? null,
    }))
    .filter((p) => p.now || p.before);
}

/** Organizations a rating may be given to (every live one) and the levels the rater may choose. */
export async function ratingFormOptions(db: DB, user: SessionUser) {
  const organizations = await db
    .selectFrom("organizations")
    .select(["id", "name"])
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  return { organizations, visibilities: ratingVisibilities(user) as RatingVisibility[] };
}

export type RateResult = { ok: true; id: string } | { ok: false; field: "organizationId" | "visibility" };

/** Adds a rating (never changes one). */
export async function recordRating(db: DB, user: SessionUser, input: RatingInput): Promise<RateResult> {
  assertCan(user, "map:rate");
  if (!ratingVisibilities(user).includes(input.visibility)) return { ok: false, field: "visibility" };
  return db.transaction().execute(async (tx) => {
    const org = await tx
      .selectFrom("organizations")
      .select("id")
      .where("id", "=", input.organizationId)
      .where("archived_at", "is", null)
      .executeTakeFirst();
    if (!org) return { ok: false as const, field: "organizationId" as const };
    const id = newId();
    const at = nowIso();
    const row = {
      id,
      organization_id: input.organizationId,
      as_of: input.asOf,
      influence: input.influence,
      interest: input.interest,
      stance: input.stance,
      visibility: input.visibility,
      note: input.note,
      recorded_by: user.id,
      recorded_at: at,
    };
    await tx.insertInto("stakeholder_ratings").values(row).execute();
    await recordAudit(tx, {
      actorId: user.id,
      action: "stakeholder_rating.create",
      entityType: "stakeholder_rating",
      entityId: id,
      after: row,
      at,
    });
    return { ok: true as const, id };
  });
}
