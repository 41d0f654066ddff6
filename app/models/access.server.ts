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
import { data } from "@remix-run/node";

import type { DemandStatus, Role, Visibility } from "~db/schema";

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  organizationShortName: string;
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
] as const;
export type Action = (typeof ACTIONS)[number];

const OFFICIAL_DEMAND: readonly Action[] = ["demand:read", "demand:review", "demand:decide", "supply:read", "supply:edit", "scenario:read", "scenario:edit"];

const GRANTS: Record<Role, readonly Action[]> = {
  admin: ["admin:users", "admin:organizations", "audit:read", ...OFFICIAL_DEMAND],
  official: [...OFFICIAL_DEMAND],
  irel: ["demand:read", "supply:read", "supply:edit", "scenario:read"],
  diplomat: ["demand:read", "supply:read", "scenario:read"],
  counterpart: [],
  industry: ["demand:read", "demand:submit", "demand:withdraw"],
};

/** Resource-specific facts a rule may need; each feature passes what its rules read. */
export interface Resource {
  organizationId?: string;
  /** For demand requests. */
  status?: DemandStatus;
  /** For records with a visibility level (scenarios). */
  visibility?: Visibility;
}

/** Demand statuses in which nothing is decided yet: the submitter may still withdraw. */
export const UNDECIDED_DEMAND: readonly DemandStatus[] = ["submitted", "under_review"];

export function can(user: SessionUser, action: Action, resource?: Resource): boolean {
  if (!GRANTS[user.role].includes(action)) return false;
  if (!resource) return true;
  if (resource.visibility !== undefined && !LEVELS_BY_ROLE[user.role].includes(resource.visibility)) return false;
  switch (action) {
    case "demand:read":
    case "demand:submit":
      // External users act only for, and see only, their own organization's requests.
      return isInternal(user) || resource.organizationId === user.organizationId;
    case "demand:withdraw":
      return resource.organizationId === user.organizationId && resource.status !== undefined && UNDECIDED_DEMAND.includes(resource.status);
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
  if (!can(user, action, resource)) throw data({ message: "Not found" }, { status: 404 });
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
  return {
    levels: LEVELS_BY_ROLE[user.role],
    partyOrganizationId: isInternal(user) ? null : user.organizationId,
  };
}

/** May the user see a record with this visibility and these party organizations? */
export function canSeeRecord(
  user: SessionUser,
  record: { visibility: Visibility; partyOrganizationIds: readonly string[] },
): boolean {
  const scope = visibilityScope(user);
  if (!scope.levels.includes(record.visibility)) return false;
  return scope.partyOrganizationId === null || record.partyOrganizationIds.includes(scope.partyOrganizationId);
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

/** Scenario visibility levels an editor may choose: internal at least, never shared. */
export function scenarioVisibilities(user: SessionUser): readonly Visibility[] {
  return LEVELS_BY_ROLE[user.role].filter((v) => v !== "shared");
}

export interface NavItem {
  to: string;
  label: string;
}

/** The navigation for a role. Each feature adds its section here, behind its own permission. */
export function navigationFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [{ to: "/", label: "Home" }];
  if (can(user, "demand:read")) items.push({ to: "/demand", label: isInternal(user) ? "Demand" : "Our requests" });
  if (can(user, "supply:read")) items.push({ to: "/supply", label: "Supply" });
  if (can(user, "admin:users")) items.push({ to: "/admin/users", label: "Users" });
  if (can(user, "admin:organizations")) items.push({ to: "/admin/organizations", label: "Organizations" });
  if (can(user, "audit:read")) items.push({ to: "/admin/audit", label: "Audit log" });
  return items;
}
