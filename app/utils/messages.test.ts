import { describe, expect, it } from "vitest";

import { describeAction, riskReasonText } from "./messages";

describe("describeAction", () => {
  it("puts audit actions in words", () => {
    expect(describeAction("consultation.create")).toBe("created");
    expect(describeAction("demand_request.redecide")).toBe("decision changed");
    expect(describeAction("issue.link_consultation")).toBe("linked to a consultation");
    expect(describeAction("position.record_red_line")).toBe("red line recorded");
  });
  it("falls back to the action's own words", () => {
    expect(describeAction("milestone.reopen_review")).toBe("reopen review");
  });
});

describe("riskReasonText", () => {
  it("words each risk code with its dates", () => {
    expect(riskReasonText({ code: "late", dueDate: "2026-03-31", daysLate: 12 })).toBe(
      "due 2026-03-31 and not done: 12 days late",
    );
    expect(
      riskReasonText({
        code: "dependency_due_after",
        dependency: "X",
        dependencyDueDate: "2026-06-30",
        dueDate: "2026-03-31",
        dependencyLate: true,
      }),
    ).toBe("depends on 'X', due 2026-06-30, after this milestone's 2026-03-31; 'X' is late");
    expect(riskReasonText({ code: "dependency_threatened", dependency: "X" })).toBe("depends on 'X', which is itself threatened");
  });
});
