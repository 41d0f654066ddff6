import { describe, expect, it } from "vitest";

import { layoutTimeline, type TimelineInput } from "./milestone-timeline";

function item(id: string, category: TimelineInput["category"], dueDate: string, dependsOn: string[] = []): TimelineInput {
  return {
    id,
    title: id,
    category,
    dueDate,
    status: "planned",
    risk: "on_track",
    late: false,
    threatened: false,
    reasons: [],
    dependsOn,
  };
}

const items = [
  item("clearances", "mining_clearance", "2026-06-30"),
  item("output", "production", "2026-03-31", ["clearances"]),
  item("doubled", "production", "2030-03-31", ["output"]),
];

describe("layoutTimeline", () => {
  it("spans whole periods around every due date and today", () => {
    const layout = layoutTimeline(items, { zoom: "years", today: "2026-12-01" });
    expect(layout.range).toEqual({ from: "2026-01-01", to: "2031-01-01" });
    expect(layout.ticks.map((t) => t.label)).toEqual(["2026", "2027", "2028", "2029", "2030", "2031"]);
    expect(layout.today?.date).toBe("2026-12-01");
  });

  it("zooms from years to quarters", () => {
    const years = layoutTimeline(items, { zoom: "years", today: "2026-12-01" });
    const quarters = layoutTimeline(items, { zoom: "quarters", today: "2026-12-01" });
    expect(quarters.width).toBeGreaterThan(years.width * 2);
    expect(quarters.ticks[0]!.label).toBe("Jan 2026");
    expect(quarters.ticks[1]!.label).toBe("Apr 2026");
    expect(quarters.range.to).toBe("2030-04-01");
  });

  it("orders lanes by category and places points in time order", () => {
    const layout = layoutTimeline(items, { zoom: "halves", today: "2026-12-01" });
    expect(layout.lanes.map((l) => l.category)).toEqual(["production", "mining_clearance"]);
    const [output, doubled] = layout.points.filter((p) => p.category === "production");
    expect(output!.id).toBe("output");
    expect(doubled!.x).toBeGreaterThan(output!.x);
    expect(doubled!.y).toBeGreaterThan(output!.y);
  });

  it("draws an arrow per visible dependency and flags one that falls due after its dependent", () => {
    const layout = layoutTimeline(items, { zoom: "years", today: "2026-12-01" });
    expect(layout.arrows.map((a) => [a.fromId, a.toId, a.backwards])).toEqual([
      ["clearances", "output", true],
      ["output", "doubled", false],
    ]);
    const withHidden = layoutTimeline([item("a", "legal", "2027-01-01", ["not-visible"])], {
      zoom: "years",
      today: "2026-12-01",
    });
    expect(withHidden.arrows).toEqual([]);
  });
});
