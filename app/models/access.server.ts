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

import type { Role, Visibility } from "~db/schema";

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
  // Consultations: every role lists what it may see; the scope decides which rows.
  "consultation:list",
  "consultation:create",
  "consultation:edit",
  "consultation:history",
  "comment:create",
  "follow_up:complete",
] as const;
export type Action = (typeof ACTIONS)[number];

const CONSULTATION_READER: readonly Action[] = ["consultation:list", "comment:create", "follow_up:complete"];
const CONSULTATION_WRITER: readonly Action[] = [...CONSULTATION_READER, "consultation:create", "consultation:edit"];

const GRANTS: Record<Role, readonly Action[]> = {
  admin: ["admin:users", "admin:organizations", "audit:read", ...CONSULTATION_WRITER, "consultation:history"],
  official: [...CONSULTATION_WRITER, "consultation:history"],
  // IREL logs the consultations it takes part in (see `can`); its history view leaves out any
  // version that was restricted. External users get no change history: earlier versions may
  // have been internal.
  irel: [...CONSULTATION_WRITER, "consultation:history"],
  diplomat: [...CONSULTATION_READER, "consultation:history"],
  counterpart: CONSULTATION_READER,
  industry: CONSULTATION_READER,
};

/** Resource-specific facts a rule may need; each feature passes what its rules read. */
export interface Resource {
  /** The organization that owns the record (a follow-up action's owner). */
  organizationId?: string;
  /** Organizations taking part (a consultation's participants). */
  participantOrganizationIds?: readonly string[];
}

export function can(user: SessionUser, action: Action, resource?: Resource): boolean {
  if (!GRANTS[user.role].includes(action)) return false;
  switch (action) {
    case "consultation:create":
    case "consultation:edit":
      // IREL: only consultations IREL takes part in. Without a record the question is "ever?".
      if (user.role === "irel" && resource) return (resource.participantOrganizationIds ?? []).includes(user.organizationId);
      return true;
    case "follow_up:complete":
      // Only the owner organization's own people mark its actions done; without a record, "ever?".
      return resource === undefined || resource.organizationId === user.organizationId;
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

export interface NavItem {
  to: string;
  label: string;
}

/** The navigation for a role. Each feature adds its section here, behind its own permission. */
export function navigationFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [{ to: "/", label: "Home" }];
  if (can(user, "consultation:list")) {
    items.push({ to: "/consultations", label: "Consultations" }, { to: "/actions", label: "Actions" }, { to: "/search", label: "Search" });
  }
  if (can(user, "admin:users")) items.push({ to: "/admin/users", label: "Users" });
  if (can(user, "admin:organizations")) items.push({ to: "/admin/organizations", label: "Organizations" });
  if (can(user, "audit:read")) items.push({ to: "/admin/audit", label: "Audit log" });
  return items;
}
