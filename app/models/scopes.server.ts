/**
 * Visibility scopes composed into SQL: the base query of every read of a visible-per-user record.
 * The rules come from `visibilityScope` in the access module; this file only turns them into
 * indexed SQL. For an external user the party join walks `(organization_id, record_id)` indexes
 * instead of an `OR EXISTS` that would scan the table.
 */
import { visibilityScope, type SessionUser } from "~/models/access.server";
import type { DB } from "~/utils/db.server";

/** Consultations the user may see, aliased `c`. Archived ones included: callers filter. */
export function visibleConsultations(db: DB, user: SessionUser) {
  const scope = visibilityScope(user);
  let query = db.selectFrom("consultations as c").where("c.visibility", "in", [...scope.levels]);
  if (scope.partyOrganizationId !== null) {
    const orgId = scope.partyOrganizationId;
    query = query.where("c.id", "in", (eb) =>
      eb.selectFrom("consultation_participants as cp").select("cp.consultation_id").where("cp.organization_id", "=", orgId),
    );
  }
  return query;
}

/**
 * Milestones the user may see, aliased `m`. An external user sees a shared milestone when its
 * organization owns it or is one of its parties. Archived ones included: callers filter.
 */
export function visibleMilestones(db: DB, user: SessionUser) {
  const scope = visibilityScope(user);
  let query = db.selectFrom("milestones as m").where("m.visibility", "in", [...scope.levels]);
  if (scope.partyOrganizationId !== null) {
    const orgId = scope.partyOrganizationId;
    query = query.where((eb) =>
      eb.or([
        eb("m.owner_organization_id", "=", orgId),
        eb("m.id", "in", eb.selectFrom("milestone_parties as mp").select("mp.milestone_id").where("mp.organization_id", "=", orgId)),
      ]),
    );
  }
  return query;
}
