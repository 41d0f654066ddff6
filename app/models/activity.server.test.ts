import { describe, expect, it } from "vitest";

import { describeAction } from "./activity.server";

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
