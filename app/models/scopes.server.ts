/**
 * Visibility scopes composed into SQL: the base query of every read of a visible-per-user record.
 * The rules come from `visibilityScope` in the access module; this file only turns them into
 * indexed SQL. For an external user the party join walks `(organization_id, record_id)` indexes
 * instead of an `OR EXISTS` that would scan the table.
 */
import { demandScope, visibilityScope, type SessionUser } from "~/models/access.server";
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
 * Demand requests the user may see, aliased `r`: every request for the Indian side, its own
 * organization's for industry, none for anyone else. Lists, totals, balances and exports all
 * start here.
 */
export function visibleDemandRequests(db: DB, user: SessionUser) {
  const scope = demandScope(user);
  const query = db.selectFrom("demand_requests as r");
  if (scope.kind === "all") return query;
  if (scope.kind === "organization") return query.where("r.organization_id", "=", scope.organizationId);
  // Matches no row: an id is never the empty string.
  return query.where("r.id", "=", "");
}

/** Saved what-if scenarios the user may see, aliased `s`: by visibility level only (internal users). */
export function visibleScenarios(db: DB, user: SessionUser) {
  const scope = visibilityScope(user);
  const levels = scope.partyOrganizationId === null ? scope.levels.filter((l) => l !== "shared") : [];
  const query = db.selectFrom("supply_scenarios as s");
  return levels.length > 0 ? query.where("s.visibility", "in", levels) : query.where("s.id", "=", "");
}
