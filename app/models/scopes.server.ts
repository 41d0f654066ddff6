/**
 * Visibility scopes composed into SQL: the base query of every read of a visible-per-user record.
 * The rules come from `visibilityScope` in the access module; this file only turns them into
 * indexed SQL. For an external user the party join walks `(organization_id, record_id)` indexes
 * instead of an `OR EXISTS` that would scan the table.
 */
import type { Executor } from "~/models/audit.server";
import { visibilityScope, type SessionUser } from "~/models/access.server";
import { VISIBILITIES, type Visibility } from "~db/schema";

/**
 * The levels a user may NOT see. Written as an exclusion so that a user who sees every level adds
 * no predicate at all, and IREL's `<> 'restricted'` leaves the planner free to walk the
 * (starts_at, id) index in order instead of merging one index range per level and sorting.
 */
function hiddenLevels(levels: readonly Visibility[]): Visibility[] {
  return VISIBILITIES.filter((v) => !levels.includes(v));
}

/** Consultations the user may see, aliased `c`. Archived ones included: callers filter. */
export function visibleConsultations(db: Executor, user: SessionUser) {
  const scope = visibilityScope(user);
  const hidden = hiddenLevels(scope.levels);
  let query = db.selectFrom("consultations as c");
  if (scope.levels.length === 1) query = query.where("c.visibility", "=", scope.levels[0]!);
  else if (hidden.length > 0) query = query.where("c.visibility", "not in", hidden);
  if (scope.partyOrganizationId !== null) {
    const orgId = scope.partyOrganizationId;
    query = query.where("c.id", "in", (eb) =>
      eb.selectFrom("consultation_participants as cp").select("cp.consultation_id").where("cp.organization_id", "=", orgId),
    );
  }
  return query;
}

/**
 * Comments on one record that the user may read, aliased `cm`. The caller has already checked
 * that the record itself is visible; a comment adds its own level on top (never looser).
 */
export function visibleComments(db: Executor, user: SessionUser, entityType: string, entityId: string) {
  const scope = visibilityScope(user);
  return db
    .selectFrom("comments as cm")
    .where("cm.entity_type", "=", entityType)
    .where("cm.entity_id", "=", entityId)
    .where("cm.visibility", "in", [...scope.levels]);
}
