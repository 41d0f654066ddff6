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
  "milestones:read": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "milestones:manage": ["admin", "official"],
  // Without a record: only those who may update every milestone.
  "milestones:progress": ["admin", "official"],
  "calendar:subscribe": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
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

describe("milestone progress", () => {
  it("lets users of the owner organization report on their own milestones only", () => {
    for (const role of ROLES) {
      expect(can(userWith(role, "irel"), "milestones:progress", { organizationId: "irel" })).toBe(true);
      expect(can(userWith(role, "irel"), "milestones:progress", { organizationId: "mines" })).toBe(role === "admin" || role === "official");
    }
    expect(can(userWith("irel", "irel"), "milestones:manage", { organizationId: "irel" })).toBe(false);
  });
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

describe("navigationFor", () => {
  it("shows administration only to admins", () => {
    expect(navigationFor(userWith("admin")).map((i) => i.to)).toEqual(["/", "/milestones", "/admin/users", "/admin/organizations", "/admin/audit"]);
    for (const role of ROLES.filter((r) => r !== "admin")) {
      expect(navigationFor(userWith(role)).some((i) => i.to.startsWith("/admin"))).toBe(false);
    }
  });

  it("shows milestones to every role", () => {
    for (const role of ROLES) expect(navigationFor(userWith(role)).map((i) => i.to)).toContain("/milestones");
  });
});
