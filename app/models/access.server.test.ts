import { describe, expect, it } from "vitest";

import { ROLES, type Role } from "~db/schema";
import { ACTIONS, assignableVisibilities, can, canSeeRecord, navigationFor, visibilityScope, type Action, type SessionUser } from "./access.server";

function userWith(role: Role, organizationId = "org-1"): SessionUser {
  return { id: "u", email: "u@x", displayName: "U", role, organizationId, organizationName: "Org", organizationShortName: "O" };
}

// The whole role × action table, written out so a change to a grant is a visible test change.
const EXPECTED: Record<Action, readonly Role[]> = {
  "admin:users": ["admin"],
  "admin:organizations": ["admin"],
  "audit:read": ["admin"],
  "consultation:list": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "consultation:create": ["admin", "official", "irel"],
  "consultation:edit": ["admin", "official", "irel"],
  "consultation:history": ["admin", "official", "irel", "diplomat"],
  "comment:create": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "follow_up:complete": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
};

describe("can", () => {
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(userWith(role), action)).toBe(allowed);
      });
    }
  }
});

describe("visibility", () => {
  it("gives restricted only to admin, official and diplomat", () => {
    const withRestricted = ROLES.filter((r) => visibilityScope(userWith(r)).levels.includes("restricted"));
    expect(withRestricted.sort()).toEqual(["admin", "diplomat", "official"]);
  });

  it("lets IREL see internal but never restricted", () => {
    expect(visibilityScope(userWith("irel"))).toEqual({ levels: ["shared", "internal"], partyOrganizationId: null });
  });

  it("limits external users to shared records of their own organization", () => {
    for (const role of ["counterpart", "industry"] as const) {
      const user = userWith(role, "toyotsu");
      expect(visibilityScope(user)).toEqual({ levels: ["shared"], partyOrganizationId: "toyotsu" });
      expect(canSeeRecord(user, { visibility: "shared", partyOrganizationIds: ["toyotsu", "irel"] })).toBe(true);
      expect(canSeeRecord(user, { visibility: "shared", partyOrganizationIds: ["meti"] })).toBe(false);
      expect(canSeeRecord(user, { visibility: "internal", partyOrganizationIds: ["toyotsu"] })).toBe(false);
    }
  });

  it("lets internal users see shared records whoever the parties are", () => {
    expect(canSeeRecord(userWith("irel"), { visibility: "shared", partyOrganizationIds: [] })).toBe(true);
    expect(canSeeRecord(userWith("irel"), { visibility: "restricted", partyOrganizationIds: [] })).toBe(false);
    expect(canSeeRecord(userWith("diplomat"), { visibility: "restricted", partyOrganizationIds: [] })).toBe(true);
  });

  it("never lets a user assign a level it could not read back", () => {
    for (const role of ROLES) {
      const scope = visibilityScope(userWith(role));
      for (const level of assignableVisibilities(userWith(role))) expect(scope.levels).toContain(level);
    }
  });
});

describe("record conditions", () => {
  it("lets IREL create and edit only consultations IREL takes part in", () => {
    const irel = userWith("irel", "irel");
    expect(can(irel, "consultation:edit", { participantOrganizationIds: ["irel", "toyotsu"] })).toBe(true);
    expect(can(irel, "consultation:edit", { participantOrganizationIds: ["moci", "meti"] })).toBe(false);
    expect(can(irel, "consultation:create", { participantOrganizationIds: ["moci"] })).toBe(false);
    expect(can(userWith("official", "moci"), "consultation:edit", { participantOrganizationIds: ["meti"] })).toBe(true);
    expect(can(userWith("diplomat", "mea"), "consultation:edit", { participantOrganizationIds: ["mea"] })).toBe(false);
  });

  it("lets only the owner organization's users mark a follow-up action done", () => {
    expect(can(userWith("counterpart", "toyotsu"), "follow_up:complete", { organizationId: "toyotsu" })).toBe(true);
    expect(can(userWith("counterpart", "toyotsu"), "follow_up:complete", { organizationId: "irel" })).toBe(false);
    expect(can(userWith("official", "moci"), "follow_up:complete", { organizationId: "irel" })).toBe(false);
    expect(can(userWith("irel", "irel"), "follow_up:complete", { organizationId: "irel" })).toBe(true);
  });
});

describe("navigationFor", () => {
  it("gives every role consultations, actions and search", () => {
    for (const role of ROLES) {
      expect(navigationFor(userWith(role)).map((i) => i.to).slice(0, 4)).toEqual(["/", "/consultations", "/actions", "/search"]);
    }
  });

  it("shows administration only to admins", () => {
    expect(navigationFor(userWith("admin")).map((i) => i.to)).toEqual(["/", "/consultations", "/actions", "/search", "/admin/users", "/admin/organizations", "/admin/audit"]);
    for (const role of ROLES.filter((r) => r !== "admin")) {
      expect(navigationFor(userWith(role)).some((i) => i.to.startsWith("/admin"))).toBe(false);
    }
  });
});
