/**
 * The one place that decides who may see and do what. Every loader and action authenticates,
 * then asks this module, then validates input. Components never decide; loaders hand them
 * booleans computed here.
 *
 * Two kinds of question:
 * - `can(user, action, resource?)`: may this user do this (to this record)?
 * - `visibilityScope(user)`: which records may this user see at all? Model code composes the
 *   scope into the SQL of every query, so invisible rows never leave the database.
 */
import { notFound } from "~/utils/http.server";
import type { Locale } from "~/utils/preferences";
import { type DemandStatus, type OrganizationSide, type Role, type Visibility } from "~db/schema";

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  organizationShortName: string;
  /** The stored language preference; null follows the browser (see app/utils/preferences.ts). */
  locale: Locale | null;
  /** The IANA zone the user reads times in: stored, else from the organization's country. */
  timeZone: string;
  /**
   * When set, the user reads as if it could see only these levels (never more than its role
   * allows): a brief prepared for the Japanese side holds shared material only.
   */
  levelCap?: readonly Visibility[];
  /** The administrator requires an authenticator for this role and the user has none yet. */
  mustSetUpTotp?: boolean;
  /**
   * Set while an internal user previews a page as an external organization would see it
   * (`previewAs`): the user then reads through that organization's scope, capped by its own, and
   * may do nothing but read.
   */
  previewOf?: { userId: string; displayName: string; organizationShortName: string };
}

export const INTERNAL_ROLES: readonly Role[] = ["admin", "official", "irel", "diplomat"];

export function isInternal(user: Pick<SessionUser, "role">): boolean {
  return INTERNAL_ROLES.includes(user.role);
}

/** Role-wide permissions. Record-specific conditions (own organization, …) are in `can`. */
export const ACTIONS = [
  "admin:users",
  "admin:organizations",
  "audit:read",
  // Consultations: every role lists what it may see; the scope decides which rows.
  "consultation:list",
  "consultation:create",
  "consultation:edit",
  "consultation:history",
  "comment:create",
  "follow_up:complete",
  "activity:read",
  "brief:read",
  "issues:read",
  "issues:manage",
  "positions:record",
  "positions:red_line",
  "assessments:write",
  // Demand requests: industry submits for its own organization; the Indian side reads all.
  "demand:read",
  "demand:submit",
  "demand:withdraw",
  "demand:review",
  "demand:decide",
  // IREL's supply figures and the balance are internal.
  "supply:read",
  "supply:edit",
  // Phase-down what-if scenarios: internal at least; officials draft them.
  "scenario:read",
  "scenario:edit",
  // Transition milestones and the calendar feed.
  "milestones:read",
  "milestones:manage",
  "milestones:progress",
  "calendar:subscribe",
  // One's own account: password, notification choices.
  "account:manage",
  // One's own language and time zone.
  "preferences:edit",
  // Seeing the brief, an issue or the dashboard as an external organization would.
  "preview:external",
  // Agreed minutes: drafted by the Indian side, confirmed by each participating organization.
  "minutes:draft",
  "minutes:respond",
  // Documents attached to records: upload, new versions, archive (decision 015, "Documents").
  "documents:attach",
  // The 2012 agreement clause by clause, proposed amendments and India's concurrence.
  "agreement:read",
  "clauses:manage",
  "amendments:propose",
  "concurrence:respond",
  "amendments:table",
  // The stakeholder map: the Indian side's own ratings of every organization.
  "map:read",
  "map:rate",
  // People of each organization (not accounts): every role lists what its scope shows.
  "contacts:read",
  "contacts:manage",
  // An organization's page and its relationship owners are the Indian side's.
  "organizations:read",
  "organizations:owners",
  // Tags: every role reads those its scope shows; administrators keep the vocabulary.
  "tags:read",
  "tags:vocabulary",
] as const;
export type Action = (typeof ACTIONS)[number];

// Who may, by action: each feature adds the lines of its own actions.
const ALL_ROLES: readonly Role[] = ["admin", "official", "irel", "diplomat", "counterpart", "industry"];
const GRANTS: Record<Action, readonly Role[]> = {
  "admin:users": ["admin"],
  "admin:organizations": ["admin"],
  "audit:read": ["admin"],
  "consultation:list": ALL_ROLES,
  // IREL only for consultations IREL takes part in (see `can`).
  "consultation:create": ["admin", "official", "irel"],
  "consultation:edit": ["admin", "official", "irel"],
  // External users get no change history: earlier versions may have been internal.
  "consultation:history": ["admin", "official", "irel", "diplomat"],
  "comment:create": ALL_ROLES,
  "follow_up:complete": ALL_ROLES,
  "activity:read": ALL_ROLES,
  "brief:read": ALL_ROLES,
  "issues:read": ALL_ROLES,
  "issues:manage": ["admin", "official"],
  // Industry bodies (SIAM) record their own positions on issues they are party to.
  "positions:record": ["admin", "official", "irel", "counterpart", "industry"],
  "positions:red_line": ["admin", "official"],
  "assessments:write": ["diplomat"],
  "demand:read": ["admin", "official", "irel", "diplomat", "industry"],
  "demand:submit": ["industry"],
  "demand:withdraw": ["industry"],
  "demand:review": ["admin", "official"],
  "demand:decide": ["admin", "official"],
  "supply:read": ["admin", "official", "irel", "diplomat"],
  "supply:edit": ["admin", "official", "irel"],
  "scenario:read": ["admin", "official", "irel", "diplomat"],
  "scenario:edit": ["admin", "official"],
  "milestones:read": ALL_ROLES,
  "milestones:manage": ["admin", "official"],
  // Without a record: only those who may update every milestone; owners are handled in `can`.
  "milestones:progress": ["admin", "official"],
  "calendar:subscribe": ALL_ROLES,
  "account:manage": ALL_ROLES,
  "preferences:edit": ALL_ROLES,
  "preview:external": ["admin", "official", "irel", "diplomat"],
  // IREL only for consultations IREL takes part in (see `can`).
  "minutes:draft": ["admin", "official", "irel"],
  // Only for an organization the version was circulated to, and only the user's own (see `can`).
  "minutes:respond": ALL_ROLES,
  // IREL on consultations it takes part in and milestones it owns; industry on its own
  // organization's demand requests (see `can`). Readers of a record read its documents by scope.
  "documents:attach": ["admin", "official", "irel", "industry"],
  "agreement:read": ALL_ROLES,
  "clauses:manage": ["admin", "official"],
  // Any party that may see the clause proposes, each for its own organization (see `can`).
  "amendments:propose": ["admin", "official", "irel", "counterpart"],
  // A ministry answers for itself only (see `can`).
  "concurrence:respond": ["admin", "official", "diplomat"],
  "amendments:table": ["admin", "official"],
  "map:read": ["admin", "official", "irel", "diplomat"],
  "map:rate": ["admin", "official", "irel", "diplomat"],
  "contacts:read": ALL_ROLES,
  "contacts:manage": ["admin", "official", "irel", "diplomat"],
  "organizations:read": ["admin", "official", "irel", "diplomat"],
  "organizations:owners": ["admin", "official"],
  "tags:read": ALL_ROLES,
  "tags:vocabulary": ["admin"],
};

/** What a preview may still do: read. Every other action is refused while previewing. */
const READ_ACTIONS: readonly Action[] = [
  "consultation:list",
  "activity:read",
  "brief:read",
  "issues:read",
  "milestones:read",
  "demand:read",
];

/** Resource-specific facts a rule may need; each feature passes what its rules read. */
export interface Resource {
  /** The organization that owns the record (a milestone's owner, a request's submitter, …). */
  organizationId?: string;
  /**
   * The organization's negotiating side, for rules that tell the Indian side from the others (not
   * its country: Toyotsu Rare Earths India is an Indian company on the Japanese side).
   */
  organizationSide?: OrganizationSide;
  /** Organizations taking part (a consultation's participants). */
  participantOrganizationIds?: readonly string[];
  /** For demand requests. */
  status?: DemandStatus;
  /** For records with a visibility level (scenarios). */
  visibility?: Visibility;
  /** Which kind of record a document is attached to. */
  recordType?: "consultation" | "issue" | "milestone" | "demand_request";
}

/** Demand statuses in which nothing is decided yet: the submitter may still withdraw. */
export const UNDECIDED_DEMAND: readonly DemandStatus[] = ["submitted", "under_review"];

export function can(user: SessionUser, action: Action, resource?: Resource): boolean {
  if (user.previewOf && !READ_ACTIONS.includes(action)) return false;
  // Users of a milestone's owner organization report its progress (IREL on its production
  // targets), whatever their role; the caller has already checked they can see it.
  if (action === "milestones:progress" && !GRANTS[action].includes(user.role)) {
    return resource?.organizationId !== undefined && resource.organizationId === user.organizationId;
  }
  if (!GRANTS[action].includes(user.role)) return false;
  if (!resource) return true;
  if (resource.visibility !== undefined && !LEVELS_BY_ROLE[user.role].includes(resource.visibility)) return false;
  switch (action) {
    case "consultation:create":
    case "consultation:edit":
      // IREL: only consultations IREL takes part in.
      if (user.role === "irel") return (resource.participantOrganizationIds ?? []).includes(user.organizationId);
      return true;
    case "minutes:draft":
      if (user.role === "irel") return (resource.participantOrganizationIds ?? []).includes(user.organizationId);
      return true;
    case "minutes:respond":
      // `participantOrganizationIds` are the organizations asked to confirm the version: a user
      // answers for its own organization, never for another.
      return (resource.participantOrganizationIds ?? []).includes(user.organizationId);
    case "documents:attach":
      if (user.role === "admin" || user.role === "official") return true;
      if (user.role === "irel")
        return (
          (resource.recordType === "consultation" && (resource.participantOrganizationIds ?? []).includes(user.organizationId)) ||
          (resource.recordType === "milestone" && resource.organizationId === user.organizationId)
        );
      return resource.recordType === "demand_request" && resource.organizationId === user.organizationId;
    case "amendments:propose":
      if (resource.organizationId === undefined) return true;
      if (user.role === "admin" || user.role === "official") return resource.organizationSide === "india";
      return resource.organizationId === user.organizationId;
    case "concurrence:respond":
      // Concurrence is given by the ministry's own people, never on another's behalf.
      return resource.organizationId === user.organizationId;
    case "follow_up:complete":
      // Only the owner organization's own people mark its actions done.
      return resource.organizationId === user.organizationId;
    case "positions:record":
      if (resource.organizationId === undefined) return true;
      // Officials speak for any party on the Indian side; everyone else only for their own organization.
      if (user.role === "admin" || user.role === "official") return resource.organizationSide === "india";
      return resource.organizationId === user.organizationId;
    case "demand:read":
    case "demand:submit":
      // External users act only for, and see only, their own organization's requests.
      return isInternal(user) || resource.organizationId === user.organizationId;
    case "demand:withdraw":
      return (
        resource.organizationId === user.organizationId &&
        resource.status !== undefined &&
        UNDECIDED_DEMAND.includes(resource.status)
      );
    case "demand:review":
      return resource.status === "submitted";
    case "demand:decide":
      return resource.status !== undefined && resource.status !== "withdrawn";
    default:
      return true;
  }
}

/**
 * Throws a 404 when the user may not: to a user without the right, the page or record does not
 * exist (admin pages included).
 */
export function assertCan(user: SessionUser, action: Action, resource?: Resource): void {
  if (!can(user, action, resource)) notFound();
}

const LEVELS_BY_ROLE: Record<Role, readonly Visibility[]> = {
  admin: ["shared", "internal", "restricted"],
  official: ["shared", "internal", "restricted"],
  diplomat: ["shared", "internal", "restricted"],
  irel: ["shared", "internal"],
  counterpart: ["shared"],
  industry: ["shared"],
};

export interface VisibilityScope {
  /** Visibility levels the user may see. */
  levels: readonly Visibility[];
  /**
   * When set, the user is external: a record is visible only if this organization is a party
   * to it (participant, party, owner or submitter, as each record defines).
   */
  partyOrganizationId: string | null;
}

export function visibilityScope(user: SessionUser): VisibilityScope {
  const cap = user.levelCap;
  return {
    levels: cap ? LEVELS_BY_ROLE[user.role].filter((l) => cap.includes(l)) : LEVELS_BY_ROLE[user.role],
    partyOrganizationId: isInternal(user) ? null : user.organizationId,
  };
}

/** The role an external organization's users have, by the organization's kind; null for the Indian side's own bodies. */
export function externalRoleOf(organization: { kind: string; country: string }): Role | null {
  if (organization.kind === "foreign_company" || organization.kind === "foreign_government" || organization.country !== "India")
    return "counterpart";
  if (organization.kind === "industry_body" || organization.kind === "company") return "industry";
  return null;
}

/**
 * The user as an external organization would read: that organization's role and party scope,
 * with the levels capped by the user's own, so a preview never shows what the user could not see
 * (the scope is the intersection of the two). Null when the user may not preview or the
 * organization is not an external one.
 */
export function previewAs(
  user: SessionUser,
  organization: { id: string; name: string; shortName: string; kind: string; country: string },
): SessionUser | null {
  if (user.previewOf || !can(user, "preview:external")) return null;
  const role = externalRoleOf(organization);
  if (!role) return null;
  const own = visibilityScope(user).levels;
  return {
    ...user,
    role,
    organizationId: organization.id,
    organizationName: organization.name,
    organizationShortName: organization.shortName,
    levelCap: LEVELS_BY_ROLE[role].filter((l) => own.includes(l)),
    previewOf: { userId: user.id, displayName: user.displayName, organizationShortName: user.organizationShortName },
  };
}

/** The same user, reading only the given levels (intersected with what its role may see). */
export function withLevelCap(user: SessionUser, levels: readonly Visibility[]): SessionUser {
  // A cap only ever narrows: a preview's cap stays in force under a brief's.
  const cap = user.levelCap;
  return { ...user, levelCap: cap ? levels.filter((l) => cap.includes(l)) : levels };
}

/** Visibility levels a user may give a record: never one the user could not read back. */
export function assignableVisibilities(user: SessionUser): readonly Visibility[] {
  return LEVELS_BY_ROLE[user.role];
}

/**
 * Which demand requests a user may see: all of them (internal users), one organization's
 * (industry), or none (counterparts). Composed into SQL by `visibleDemandRequests`.
 */
export type DemandScope = { kind: "all" } | { kind: "organization"; organizationId: string } | { kind: "none" };

export function demandScope(user: SessionUser): DemandScope {
  if (!can(user, "demand:read")) return { kind: "none" };
  return isInternal(user) ? { kind: "all" } : { kind: "organization", organizationId: user.organizationId };
}

/** Levels a concurrence comment or objection may carry: never shared with the other party. */
export function concurrenceVisibilities(user: SessionUser): readonly ("internal" | "restricted")[] {
  return LEVELS_BY_ROLE[user.role].filter((v): v is "internal" | "restricted" => v !== "shared");
}

/** Scenario visibility levels an editor may choose: internal at least, never shared. */
export function scenarioVisibilities(user: SessionUser): readonly Visibility[] {
  return LEVELS_BY_ROLE[user.role].filter((v) => v !== "shared");
}

const LEVEL_RANK: Record<Visibility, number> = { shared: 0, internal: 1, restricted: 2 };

/** Whether `level` is no wider than `recordLevel`: everyone who may read it may read the record. */
export function isNoWiderThan(level: Visibility, recordLevel: Visibility): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[recordLevel];
}

/**
 * Levels a document on a record may be given: no wider than the record's (a shared paper on an
 * internal consultation would still be read only by those who see the consultation, but the level
 * would promise more than it gives), and never one the user could not read back.
 */
export function documentVisibilities(user: SessionUser, recordLevel: Visibility): readonly Visibility[] {
  return LEVELS_BY_ROLE[user.role].filter((v) => isNoWiderThan(v, recordLevel));
}

/** Levels a stakeholder rating may be given: internal or restricted, as far as the role reads. */
export function ratingVisibilities(user: SessionUser): readonly Visibility[] {
  return LEVELS_BY_ROLE[user.role].filter((v) => v !== "shared");
}

/** Levels a diplomatic assessment may be given: the Indian side's analysis is never shared. */
export function assessmentVisibilities(user: SessionUser): readonly Visibility[] {
  return LEVELS_BY_ROLE[user.role].filter((v) => v !== "shared");
}

/**
 * Parts of a record the user may see that only the Indian side reads: who else a milestone is
 * shared with, the balance a demand decision was taken against and its over-balance confirmation.
 * Loaders leave these fields out (null) when this says no.
 */
export type InternalField = "milestone.parties" | "demand_decision.balance";

export function canReadField(user: SessionUser, _field: InternalField): boolean {
  return isInternal(user);
}

/** What a new consultation starts with: internal, and IREL staff among the participants (IREL must be). */
export function consultationDefaults(user: SessionUser): { visibility: Visibility; participantOrganizationIds: string[] } {
  return { visibility: "internal", participantOrganizationIds: user.role === "irel" ? [user.organizationId] : [] };
}

export interface NavItem {
  to: string;
  label: string;
  /** A count shown beside the label, e.g. unread activity. */
  badge?: number;
  /** The badge is a lower bound (the unread count looks at a bounded window). */
  badgeAtLeast?: boolean;
}

/** The navigation for a role. Each feature adds its section here, behind its own permission. */
export function navigationFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [{ to: "/", label: "Home" }];
  if (can(user, "consultation:list")) {
    items.push({ to: "/consultations", label: "Consultations" }, { to: "/actions", label: "Actions" });
  }
  if (can(user, "issues:read")) {
    items.push({ to: "/issues", label: "Issues" });
    items.push({ to: "/positions", label: "Positions" });
  }
  if (can(user, "agreement:read")) items.push({ to: "/agreement", label: "Agreement" });
  if (can(user, "milestones:read")) items.push({ to: "/milestones", label: "Milestones" });
  if (can(user, "contacts:read")) items.push({ to: "/contacts", label: "Contacts" });
  if (can(user, "demand:read")) items.push({ to: "/demand", label: isInternal(user) ? "Demand" : "Our requests" });
  if (can(user, "supply:read")) items.push({ to: "/supply", label: "Supply" });
  if (can(user, "brief:read")) items.push({ to: "/brief", label: "Brief" });
  if (can(user, "map:read")) items.push({ to: "/map", label: "Map" });
  if (can(user, "activity:read")) items.push({ to: "/activity", label: "Activity" });
  if (can(user, "admin:users")) items.push({ to: "/admin", label: "Admin" });
  return items;
}
