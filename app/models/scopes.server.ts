/**
 * Visibility scopes composed into SQL: the base query of every read of a visible-per-user record.
 * The rules come from `visibilityScope` in the access module; this file only turns them into
 * indexed SQL. For an external user the party test is a correlated EXISTS probing the link table's
 * `(record_id, organization_id)` key for each row the query reaches, never `id in (every record
 * the organization is party to)`, which SQLite builds in full before the first row: a page then
 * costs what its rows cost, not what the organization's whole history costs (decision 012).
 */
import { demandScope, visibilityScope, type SessionUser } from "~/models/access.server";
import type { Executor } from "~/models/audit.server";
import type { DB } from "~/utils/db.server";
import { VISIBILITIES } from "~db/schema";
import { jsonArrayIncludes, jsonTextField, withoutIndex } from "~db/sql";

/**
 * Consultations the user may see, aliased `c`. Archived ones included: callers filter.
 * `byKey`: the caller picks a few rows by id, so the level test stays off every index and the
 * planner looks the ids up rather than walking one level's rows for them (the same test).
 */
export function visibleConsultations(db: Executor, user: SessionUser, options: { byKey?: boolean } = {}) {
  const scope = visibilityScope(user);
  // An allow-list, so a level nobody knows fails closed. For a user of several levels the
  // column is compared outside its index, so the planner walks (starts_at, id) in order rather
  // than merging one index range per level and sorting.
  let query = db.selectFrom("consultations as c");
  query =
    scope.levels.length === 1 && !options.byKey
      ? query.where("c.visibility", "=", scope.levels[0]!)
      : query.where(withoutIndex(db, "c.visibility"), "in", [...scope.levels]);
  if (scope.partyOrganizationId !== null) {
    const orgId = scope.partyOrganizationId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("consultation_participants as cp")
          .select("cp.consultation_id")
          .whereRef("cp.consultation_id", "=", "c.id")
          .where("cp.organization_id", "=", orgId),
      ),
    );
  }
  return query;
}

/**
 * Minutes the user may see, aliased `mn`, with their consultation as `c`: the consultation's
 * scope decides. External users see minutes only once circulated: a draft is the Indian side's.
 */
export function visibleMinutes(db: Executor, user: SessionUser) {
  const query = visibleConsultations(db, user).innerJoin("minutes as mn", "mn.consultation_id", "c.id");
  return visibilityScope(user).partyOrganizationId === null ? query : query.where("mn.current_number", ">", 0);
}

/**
 * Issues the user may see, aliased `i`. An external user sees an issue only when it is at a
 * level it may read (shared) and its organization is a party. Archived ones included.
 */
export function visibleIssues(db: DB, user: SessionUser) {
  const scope = visibilityScope(user);
  let query = db.selectFrom("issues as i").where("i.visibility", "in", [...scope.levels]);
  if (scope.partyOrganizationId !== null) {
    const orgId = scope.partyOrganizationId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("issue_parties as ip")
          .select("ip.issue_id")
          .whereRef("ip.issue_id", "=", "i.id")
          .where("ip.organization_id", "=", orgId),
      ),
    );
  }
  return query;
}

/**
 * Positions the user may see, aliased `p`: both the issue and the position's own level must be
 * visible. A red line is restricted by construction; the extra guard keeps it from anyone who
 * cannot read restricted records even if a row were mislabelled.
 */
export function visiblePositions(db: DB, user: SessionUser) {
  const scope = visibilityScope(user);
  const levels = [...scope.levels];
  let query = db
    .selectFrom("positions as p")
    .where((eb) => {
      const atLevel = eb("p.visibility", "in", levels);
      if (!levels.includes("shared")) return atLevel;
      // India's position for the table is held internal through concurrence; tabling is the
      // moment it reads as shared (decision 016). A restricted one is never tabled.
      const tabled = eb.exists(
        eb.selectFrom("position_tablings as pt").select("pt.position_id").whereRef("pt.position_id", "=", "p.id"),
      );
      return eb.or([atLevel, eb.and([eb("p.visibility", "=", "internal"), tabled])]);
    })
    // The issue is probed by key for each position reached, not built as every visible issue.
    .where((eb) => eb.exists(visibleIssues(db, user).select("i.id").where("i.id", "=", eb.ref("p.issue_id"))));
  if (!scope.levels.includes("restricted")) query = query.where("p.red_line", "=", 0);
  return query;
}

/**
 * For each party of the given issues the user may see, the id of the latest position the user
 * may see stated on or before each date (`held0`, `held1`, … in the order of `dates`; null when
 * none). The same rule as `visiblePositions`: the issue comes from `visibleIssues`, and each
 * position must be at a readable level and, without restricted access, not a red line. Each
 * lookup is one backward step along `positions_issue_org_date_idx`, so the cost follows the
 * issues and parties asked about, not how long their histories are (decision 012).
 */
export function heldPositionIds(db: DB, user: SessionUser, issueIds: readonly string[], dates: readonly string[]) {
  const scope = visibilityScope(user);
  const levels = [...scope.levels];
  return visibleIssues(db, user)
    .innerJoin("issue_parties as ip", "ip.issue_id", "i.id")
    .where("i.id", "in", [...issueIds])
    .select(["ip.issue_id", "ip.organization_id"])
    .select((eb) =>
      dates.map((date, k) => {
        let latest = eb
          .selectFrom("positions as hp")
          .select("hp.id")
          .whereRef("hp.issue_id", "=", "ip.issue_id")
          .whereRef("hp.organization_id", "=", "ip.organization_id")
          .where("hp.stated_on", "<=", date)
          // The level rule of `visiblePositions`, tabling included.
          .where((eb) => {
            const atLevel = eb("hp.visibility", "in", levels);
            if (!levels.includes("shared")) return atLevel;
            const tabled = eb.exists(
              eb.selectFrom("position_tablings as pt").select("pt.position_id").whereRef("pt.position_id", "=", "hp.id"),
            );
            return eb.or([atLevel, eb.and([eb("hp.visibility", "=", "internal"), tabled])]);
          });
        if (!scope.levels.includes("restricted")) latest = latest.where("hp.red_line", "=", 0);
        return latest
          .orderBy("hp.stated_on", "desc")
          .orderBy("hp.recorded_at", "desc")
          .orderBy("hp.id", "desc")
          .limit(1)
          .as(`held${k}`);
      }),
    );
}

/** Assessments the user may see, aliased `a`: on a visible issue, or on the whole negotiation for internal users. */
export function visibleAssessments(db: DB, user: SessionUser) {
  const scope = visibilityScope(user);
  let query = db.selectFrom("assessments as a").where("a.visibility", "in", [...scope.levels]);
  if (scope.partyOrganizationId !== null) {
    query = query
      .where("a.issue_id", "is not", null)
      .where((eb) => eb.exists(visibleIssues(db, user).select("i.id").where("i.id", "=", eb.ref("a.issue_id"))));
  } else {
    query = query.where((eb) =>
      eb.or([
        eb("a.issue_id", "is", null),
        eb.exists(visibleIssues(db, user).select("i.id").where("i.id", "=", eb.ref("a.issue_id"))),
      ]),
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
        eb.exists(
          eb
            .selectFrom("milestone_parties as mp")
            .select("mp.milestone_id")
            .whereRef("mp.milestone_id", "=", "m.id")
            .where("mp.organization_id", "=", orgId),
        ),
      ]),
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

/**
 * The fields of a record's audit snapshots that say who could read that version, besides its
 * `visibility`: for an external reader, the organization owning it and the list of its parties
 * (participants). A record that names neither shows an external reader none of its history.
 */
export interface SnapshotAudience {
  ownerField?: string;
  partiesField?: string;
}

/**
 * Audit events of the given records that the user may read as history, aliased `e`, oldest
 * first is the caller's to order. An event is shown only when each of its snapshots, before and
 * after, was a version the user could have seen at the time: a level the user may read and, for
 * an external user, its organization as owner or party. A snapshot that lacks the fields to judge
 * it counts as one the user could not see; an event with no snapshot at all is shown only to those
 * who see every level. Callers check first that the user may see the record itself.
 */
export function visibleHistoryEvents(
  db: Executor,
  user: SessionUser,
  entityTypes: readonly string[],
  entityIds: readonly string[],
  audience: SnapshotAudience,
) {
  const scope = visibilityScope(user);
  const everyLevel = VISIBILITIES.every((v) => scope.levels.includes(v));
  const orgId = scope.partyOrganizationId;
  let query = db
    .selectFrom("audit_events as e")
    .where("e.entity_type", "in", [...entityTypes])
    .where("e.entity_id", "in", entityIds.length > 0 ? [...entityIds] : [""]);
  if (everyLevel && orgId === null) return query;
  query = query.where((eb) => eb.or([eb("e.before_json", "is not", null), eb("e.after_json", "is not", null)]));
  for (const column of ["e.before_json", "e.after_json"] as const) {
    if (!everyLevel) {
      const level = jsonTextField(db, column, "visibility");
      query = query.where((eb) => eb.or([eb(column, "is", null), eb(level, "in", [...scope.levels])]));
    }
    if (orgId !== null) {
      query = query.where((eb) => {
        const named = [
          ...(audience.ownerField ? [eb(jsonTextField(db, column, audience.ownerField), "=", orgId)] : []),
          ...(audience.partiesField ? [jsonArrayIncludes(db, column, audience.partiesField, orgId)] : []),
        ];
        return eb.or([eb(column, "is", null), ...named]);
      });
    }
  }
  return query;
}

/**
 * Documents the user may see, aliased `d`: the document's own level must be one the user reads,
 * and the record it is attached to must be visible through that record's own scope. Archived
 * ones included: callers filter.
 */
export function visibleDocuments(db: DB, user: SessionUser) {
  const scope = visibilityScope(user);
  return db
    .selectFrom("documents as d")
    .where("d.visibility", "in", [...scope.levels])
    .where((eb) =>
      eb.or([
        eb.and([
          eb("d.entity_type", "=", "consultation"),
          eb.exists(visibleConsultations(db, user).select("c.id").where("c.id", "=", eb.ref("d.entity_id"))),
        ]),
        eb.and([
          eb("d.entity_type", "=", "issue"),
          eb.exists(visibleIssues(db, user).select("i.id").where("i.id", "=", eb.ref("d.entity_id"))),
        ]),
        eb.and([
          eb("d.entity_type", "=", "milestone"),
          eb.exists(visibleMilestones(db, user).select("m.id").where("m.id", "=", eb.ref("d.entity_id"))),
        ]),
        eb.and([
          eb("d.entity_type", "=", "demand_request"),
          eb.exists(visibleDemandRequests(db, user).select("r.id").where("r.id", "=", eb.ref("d.entity_id"))),
        ]),
      ]),
    );
}

/**
 * Clauses of the 2012 agreement the user may see, aliased `cl`: at a level it may read and, for
 * an external user, belonging to an issue it may see (a party to it).
 */
export function visibleClauses(db: Executor, user: SessionUser) {
  const scope = visibilityScope(user);
  let query = db.selectFrom("clauses as cl").where("cl.visibility", "in", [...scope.levels]);
  if (scope.partyOrganizationId !== null) {
    const orgId = scope.partyOrganizationId;
    query = query.where("cl.id", "in", (eb) =>
      eb
        .selectFrom("clause_issues as ci")
        .innerJoin("issue_parties as ip", "ip.issue_id", "ci.issue_id")
        .innerJoin("issues as ii", "ii.id", "ci.issue_id")
        .select("ci.clause_id")
        .where("ip.organization_id", "=", orgId)
        .where("ii.visibility", "in", [...scope.levels]),
    );
  }
  return query;
}

/**
 * Proposed amendments the user may see, aliased `am`, on a visible clause. An Indian proposal
 * still in concurrence is never shared: it reaches a reader of shared material only once tabled,
 * and a restricted fall-back only readers of restricted material.
 */
export function visibleAmendments(db: Executor, user: SessionUser) {
  const scope = visibilityScope(user);
  const levels = [...scope.levels];
  const readsInternal = levels.includes("internal");
  return db
    .selectFrom("clause_amendments as am")
    .where("am.clause_id", "in", (eb) => visibleClauses(eb as unknown as Executor, user).select("cl.id"))
    .where((eb) => {
      const tabled = eb.exists(
        eb.selectFrom("amendment_tablings as t").select("t.amendment_id").whereRef("t.amendment_id", "=", "am.id"),
      );
      const atLevel = eb.and([
        eb("am.visibility", "in", levels),
        readsInternal ? eb.lit(true) : eb("am.needs_concurrence", "=", 0),
      ]);
      return levels.includes("shared")
        ? eb.or([atLevel, eb.and([tabled, eb("am.visibility", "in", ["shared", "internal"])])])
        : atLevel;
    });
}

/** Answers on India's positions the user may see, aliased `pc`: the Indian side's only, never shared. */
export function visiblePositionConcurrences(db: DB, user: SessionUser) {
  const scope = visibilityScope(user);
  const levels = scope.levels.filter((l) => l !== "shared");
  const query = db
    .selectFrom("position_concurrences as pc")
    .where("pc.position_id", "in", () => visiblePositions(db, user).select("p.id"));
  return scope.partyOrganizationId !== null || levels.length === 0
    ? query.where((eb) => eb.lit(false))
    : query.where("pc.visibility", "in", levels);
}

/** Concurrence answers the user may see, aliased `cc`: the Indian side's only, never shared. */
export function visibleConcurrences(db: Executor, user: SessionUser) {
  const scope = visibilityScope(user);
  const levels = scope.levels.filter((l) => l !== "shared");
  let query = db
    .selectFrom("concurrences as cc")
    .where("cc.amendment_id", "in", (eb) => visibleAmendments(eb as unknown as Executor, user).select("am.id"));
  query =
    scope.partyOrganizationId !== null || levels.length === 0
      ? query.where((eb) => eb.lit(false))
      : query.where("cc.visibility", "in", levels);
  return query;
}

/**
 * Stakeholder-map ratings the user may see, aliased `sr`: the Indian side's own assessment, so
 * internal users only, at the levels their role reads (IREL: internal; officials: restricted too).
 */
export function visibleStakeholderRatings(db: Executor, user: SessionUser) {
  const scope = visibilityScope(user);
  const levels = scope.partyOrganizationId === null ? scope.levels.filter((l) => l !== "shared") : [];
  const query = db.selectFrom("stakeholder_ratings as sr");
  return levels.length > 0 ? query.where("sr.visibility", "in", levels) : query.where("sr.id", "=", "");
}

/**
 * Contacts the user may see, aliased `k`. Internal users see them by level. An external user sees
 * a shared contact of its own organization, or of an organization that took part in a consultation
 * the user may see (one its own organization attended, at a level it may read). Archived included.
 */
export function visibleContacts(db: Executor, user: SessionUser) {
  const scope = visibilityScope(user);
  let query = db.selectFrom("contacts as k").where("k.visibility", "in", [...scope.levels]);
  if (scope.partyOrganizationId !== null) {
    const orgId = scope.partyOrganizationId;
    const levels = [...scope.levels];
    query = query.where((eb) =>
      eb.or([
        eb("k.organization_id", "=", orgId),
        eb.exists(
          eb
            .selectFrom("consultation_participants as theirs")
            .innerJoin("consultation_participants as mine", "mine.consultation_id", "theirs.consultation_id")
            .innerJoin("consultations as kc", "kc.id", "theirs.consultation_id")
            .select("theirs.consultation_id")
            .whereRef("theirs.organization_id", "=", "k.organization_id")
            .where("mine.organization_id", "=", orgId)
            .where("kc.visibility", "in", levels),
        ),
      ]),
    );
  }
  return query;
}

/**
 * Tags the user may see, aliased `tg`. Internal users see them by level. An external user sees a
 * shared tag only where it sits on a record the user may see: a tag's name alone can say what the
 * Indian side thinks, so one that marks only internal records does not exist for the other side.
 */
export function visibleTags(db: DB, user: SessionUser) {
  const scope = visibilityScope(user);
  let query = db.selectFrom("tags as tg").where("tg.visibility", "in", [...scope.levels]);
  if (scope.partyOrganizationId !== null) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("record_tags as vrt")
          .select("vrt.tag_id")
          .whereRef("vrt.tag_id", "=", "tg.id")
          .where((inner) =>
            // Each kind's record is probed by key (correlated EXISTS), never `entity_id in (every
            // visible record)`, which SQLite would build in full for every tag (decision 012).
            inner.or([
              inner.and([
                inner("vrt.entity_type", "=", "consultation"),
                inner.exists(
                  visibleConsultations(db, user, { byKey: true })
                    .select("c.id")
                    .where("c.id", "=", inner.ref("vrt.entity_id"))
                    .where("c.archived_at", "is", null),
                ),
              ]),
              inner.and([
                inner("vrt.entity_type", "=", "issue"),
                inner.exists(
                  visibleIssues(db, user)
                    .select("i.id")
                    .where("i.id", "=", inner.ref("vrt.entity_id"))
                    .where("i.archived_at", "is", null),
                ),
              ]),
              inner.and([
                inner("vrt.entity_type", "=", "milestone"),
                inner.exists(
                  visibleMilestones(db, user)
                    .select("m.id")
                    .where("m.id", "=", inner.ref("vrt.entity_id"))
                    .where("m.archived_at", "is", null),
                ),
              ]),
            ]),
          ),
      ),
    );
  }
  return query;
}
