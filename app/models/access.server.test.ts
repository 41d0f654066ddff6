import { describe, expect, it } from "vitest";

import { ROLES, type Role } from "~db/schema";

import {
  ACTIONS,
  assignableVisibilities,
  can,
  demandScope,
  documentVisibilities,
  isNoWiderThan,
  navigationFor,
  previewAs,
  scenarioVisibilities,
  visibilityScope,
  withLevelCap,
  type Action,
  type SessionUser,
} from "./access.server";

function userWith(role: Role, organizationId = "org-1"): SessionUser {
  return {
    id: "u",
    email: "u@x",
    displayName: "U",
    role,
    organizationId,
    organizationName: "Org",
    organizationShortName: "O",
    locale: null,
    timeZone: "Asia/Kolkata",
  };
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
  "activity:read": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "brief:read": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "issues:read": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "issues:manage": ["admin", "official"],
  "positions:record": ["admin", "official", "irel", "counterpart", "industry"],
  "agreement:read": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "clauses:manage": ["admin", "official"],
  "amendments:propose": ["admin", "official", "irel", "counterpart"],
  "concurrence:respond": ["admin", "official", "diplomat"],
  "amendments:table": ["admin", "official"],
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
  "milestones:read": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "milestones:manage": ["admin", "official"],
  // Without a record: only those who may update every milestone.
  "milestones:progress": ["admin", "official"],
  "calendar:subscribe": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "account:manage": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "preferences:edit": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "preview:external": ["admin", "official", "irel", "diplomat"],
  "minutes:draft": ["admin", "official", "irel"],
  // Without a record: anyone; with one, only for the user's own organization among those asked.
  "minutes:respond": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  // Without a record: those who may attach somewhere; with one, see the rules below.
  "documents:attach": ["admin", "official", "irel", "industry"],
  // The stakeholder map is the Indian side's own: external users never see it.
  "map:read": ["admin", "official", "irel", "diplomat"],
  "map:rate": ["admin", "official", "irel", "diplomat"],
  "contacts:read": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "contacts:manage": ["admin", "official", "irel", "diplomat"],
  "organizations:read": ["admin", "official", "irel", "diplomat"],
  "organizations:owners": ["admin", "official"],
  "tags:read": ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
  "tags:vocabulary": ["admin"],
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

describe("who may record whose position", () => {
  const india = (organizationId: string) => ({ organizationId, organizationSide: "india" as const });
  const japan = (organizationId: string) => ({ organizationId, organizationSide: "japan" as const });
  it("lets an official record any Indian party's position and no foreign one", () => {
    expect(can(userWith("official", "moci"), "positions:record", india("mines"))).toBe(true);
    expect(can(userWith("official", "moci"), "positions:record", india("siam"))).toBe(true);
    expect(can(userWith("official", "moci"), "positions:record", japan("meti"))).toBe(false);
  });
  it("lets IREL staff and counterparts record only their own organization's", () => {
    expect(can(userWith("irel", "irel"), "positions:record", india("irel"))).toBe(true);
    expect(can(userWith("irel", "irel"), "positions:record", india("moci"))).toBe(false);
    expect(can(userWith("counterpart", "toyotsu"), "positions:record", japan("toyotsu"))).toBe(true);
    expect(can(userWith("counterpart", "toyotsu"), "positions:record", japan("meti"))).toBe(false);
  });
  it("never lets a diplomat record one; industry only its own", () => {
    expect(can(userWith("diplomat", "mea"), "positions:record", india("mea"))).toBe(false);
    // SIAM records its own position, never another party's.
    expect(can(userWith("industry", "siam"), "positions:record", india("siam"))).toBe(true);
    expect(can(userWith("industry", "siam"), "positions:record", india("acma"))).toBe(false);
    // An Indian company on the Japanese side (TREI) is not the officials' to speak for.
    expect(can(userWith("official", "moci"), "positions:record", japan("toyotsu"))).toBe(false);
  });
});

describe("milestone progress", () => {
  it("lets users of the owner organization report on their own milestones only", () => {
    for (const role of ROLES) {
      expect(can(userWith(role, "irel"), "milestones:progress", { organizationId: "irel" })).toBe(true);
      expect(can(userWith(role, "irel"), "milestones:progress", { organizationId: "mines" })).toBe(
        role === "admin" || role === "official",
      );
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
    }
  });

  it("lets internal users see shared records whoever the parties are", () => {
    expect(visibilityScope(userWith("irel")).partyOrganizationId).toBeNull();
    expect(visibilityScope(userWith("irel")).levels).not.toContain("restricted");
    expect(visibilityScope(userWith("diplomat"))).toEqual({
      levels: ["shared", "internal", "restricted"],
      partyOrganizationId: null,
    });
  });

  it("never lets a user assign a level it could not read back", () => {
    for (const role of ROLES) {
      const scope = visibilityScope(userWith(role));
      for (const level of assignableVisibilities(userWith(role))) expect(scope.levels).toContain(level);
    }
  });
});

describe("demand request rules", () => {
  it("lets industry see and submit only for its own organization", () => {
    const siam = userWith("industry", "siam");
    expect(can(siam, "demand:read", { organizationId: "siam" })).toBe(true);
    expect(can(siam, "demand:read", { organizationId: "elcina" })).toBe(false);
    expect(can(siam, "demand:submit", { organizationId: "siam" })).toBe(true);
    expect(can(siam, "demand:submit", { organizationId: "acma" })).toBe(false);
    expect(demandScope(siam)).toEqual({ kind: "organization", organizationId: "siam" });
  });

  it("lets the submitter withdraw only its own undecided requests", () => {
    const siam = userWith("industry", "siam");
    expect(can(siam, "demand:withdraw", { organizationId: "siam", status: "submitted" })).toBe(true);
    expect(can(siam, "demand:withdraw", { organizationId: "siam", status: "under_review" })).toBe(true);
    for (const status of ["approved", "partially_approved", "rejected", "withdrawn"] as const) {
      expect(can(siam, "demand:withdraw", { organizationId: "siam", status })).toBe(false);
    }
    expect(can(siam, "demand:withdraw", { organizationId: "elcina", status: "submitted" })).toBe(false);
  });

  it("lets officials see every request and decide any that is not withdrawn", () => {
    const official = userWith("official", "moci");
    expect(can(official, "demand:read", { organizationId: "siam" })).toBe(true);
    expect(demandScope(official)).toEqual({ kind: "all" });
    expect(can(official, "demand:decide", { status: "under_review" })).toBe(true);
    expect(can(official, "demand:decide", { status: "approved" })).toBe(true);
    expect(can(official, "demand:decide", { status: "withdrawn" })).toBe(false);
    expect(can(official, "demand:review", { status: "submitted" })).toBe(true);
    expect(can(official, "demand:review", { status: "under_review" })).toBe(false);
  });

  it("shows counterparts nothing of demand", () => {
    expect(demandScope(userWith("counterpart", "toyotsu"))).toEqual({ kind: "none" });
    expect(can(userWith("counterpart", "toyotsu"), "demand:read", { organizationId: "toyotsu" })).toBe(false);
  });

  it("keeps scenarios internal at least, and restricted ones from IREL", () => {
    expect(scenarioVisibilities(userWith("official"))).toEqual(["internal", "restricted"]);
    expect(scenarioVisibilities(userWith("irel"))).toEqual(["internal"]);
    expect(can(userWith("irel"), "scenario:read", { visibility: "restricted" })).toBe(false);
    expect(can(userWith("diplomat"), "scenario:read", { visibility: "restricted" })).toBe(true);
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
  it("gives every role consultations and actions", () => {
    for (const role of ROLES) {
      expect(
        navigationFor(userWith(role))
          .map((i) => i.to)
          .slice(0, 3),
      ).toEqual(["/", "/consultations", "/actions"]);
    }
  });

  it("shows demand to industry and the Indian side, supply to the Indian side only", () => {
    const paths = (role: Role) => navigationFor(userWith(role)).map((i) => i.to);
    expect(paths("industry")).toContain("/demand");
    expect(paths("industry")).not.toContain("/supply");
    expect(paths("counterpart")).not.toContain("/demand");
    expect(paths("counterpart")).not.toContain("/supply");
    for (const role of ["official", "irel", "diplomat"] as const) {
      expect(paths(role)).toEqual(expect.arrayContaining(["/demand", "/supply"]));
    }
  });

  it("shows milestones to every role", () => {
    for (const role of ROLES) expect(navigationFor(userWith(role)).map((i) => i.to)).toContain("/milestones");
  });

  it("shows administration only to admins", () => {
    expect(navigationFor(userWith("admin")).map((i) => i.to)).toContain("/admin");
    for (const role of ROLES.filter((r) => r !== "admin")) {
      expect(navigationFor(userWith(role)).some((i) => i.to.startsWith("/admin"))).toBe(false);
    }
  });
});

describe("previewAs", () => {
  const meti = { id: "meti", name: "METI", shortName: "METI", kind: "foreign_government", country: "Japan" };
  const siam = { id: "siam", name: "SIAM", shortName: "SIAM", kind: "industry_body", country: "India" };
  const mines = { id: "mines", name: "Mines", shortName: "Mines", kind: "ministry", country: "India" };

  it("reads through the organization's scope, capped by the previewing user's own", () => {
    const asMeti = previewAs(userWith("official"), meti)!;
    expect(asMeti.role).toBe("counterpart");
    expect(visibilityScope(asMeti)).toEqual({ levels: ["shared"], partyOrganizationId: "meti" });
    const asSiam = previewAs(userWith("irel"), siam)!;
    expect(asSiam.role).toBe("industry");
    expect(demandScope(asSiam)).toEqual({ kind: "organization", organizationId: "siam" });
  });

  it("never widens: a brief's level cap on a preview stays within it", () => {
    const asMeti = previewAs(userWith("diplomat"), meti)!;
    expect(visibilityScope(withLevelCap(asMeti, ["shared", "internal", "restricted"])).levels).toEqual(["shared"]);
  });

  it("is read-only: every action but reading is refused", () => {
    const asMeti = previewAs(userWith("admin"), meti)!;
    expect(can(asMeti, "issues:read")).toBe(true);
    expect(can(asMeti, "brief:read")).toBe(true);
    for (const action of [
      "positions:record",
      "comment:create",
      "follow_up:complete",
      "preferences:edit",
      "preview:external",
      "admin:users",
    ] as const) {
      expect(can(asMeti, action), action).toBe(false);
    }
  });

  it("is only for the Indian side, only of external organizations, and never nested", () => {
    expect(previewAs(userWith("counterpart"), siam)).toBeNull();
    expect(previewAs(userWith("industry"), meti)).toBeNull();
    expect(previewAs(userWith("official"), mines)).toBeNull();
    expect(previewAs(previewAs(userWith("official"), meti)!, siam)).toBeNull();
  });
});

describe("documents", () => {
  it("gives a document no level wider than its record's, and none the user could not read back", () => {
    expect(documentVisibilities(userWith("official"), "shared")).toEqual(["shared", "internal", "restricted"]);
    expect(documentVisibilities(userWith("official"), "internal")).toEqual(["internal", "restricted"]);
    expect(documentVisibilities(userWith("official"), "restricted")).toEqual(["restricted"]);
    expect(documentVisibilities(userWith("irel"), "restricted")).toEqual([]);
    expect(documentVisibilities(userWith("industry"), "shared")).toEqual(["shared"]);
    expect(isNoWiderThan("shared", "internal")).toBe(false);
    expect(isNoWiderThan("restricted", "internal")).toBe(true);
  });

  it("lets IREL attach only to its consultations and milestones, industry only to its own requests", () => {
    const irel = userWith("irel");
    const mine = [irel.organizationId];
    expect(can(irel, "documents:attach", { recordType: "consultation", participantOrganizationIds: mine })).toBe(true);
    expect(can(irel, "documents:attach", { recordType: "consultation", participantOrganizationIds: ["x"] })).toBe(false);
    expect(can(irel, "documents:attach", { recordType: "milestone", organizationId: irel.organizationId })).toBe(true);
    expect(can(irel, "documents:attach", { recordType: "issue" })).toBe(false);
    const industry = userWith("industry");
    expect(can(industry, "documents:attach", { recordType: "demand_request", organizationId: industry.organizationId })).toBe(
      true,
    );
    expect(can(industry, "documents:attach", { recordType: "demand_request", organizationId: "x" })).toBe(false);
    expect(can(industry, "documents:attach", { recordType: "milestone", organizationId: industry.organizationId })).toBe(false);
    expect(can(userWith("counterpart"), "documents:attach", { recordType: "consultation" })).toBe(false);
    expect(can(userWith("official"), "documents:attach", { recordType: "issue" })).toBe(true);
  });
});
