import { describe, expect, it } from "vitest";

import { riskReasonText } from "~/utils/messages";

import { computeRisks, daysBetween, describeCycle, findCycle, type GraphNode } from "./milestone-rules";

const TODAY = "2026-12-01";

function node(id: string, dueDate: string, status = "planned", dependsOn: string[] = []): GraphNode {
  return { id, title: id.toUpperCase(), dueDate, status, dependsOn };
}

describe("computeRisks", () => {
  it("marks a milestone late when it is past due and not done", () => {
    const risks = computeRisks([node("a", "2026-03-31"), node("b", "2026-03-31", "done"), node("c", "2026-12-01")], TODAY);
    expect(risks.get("a")).toMatchObject({ level: "late", late: true });
    expect(risks.get("a")!.reasons.map(riskReasonText)).toEqual(["due 2026-03-31 and not done: 245 days late"]);
    expect(risks.get("b")).toMatchObject({ level: "done", reasons: [] });
    // Due today is not yet late.
    expect(risks.get("c")).toMatchObject({ level: "on_track", late: false });
  });

  it("threatens a milestone whose dependency is due after it, saying so in words", () => {
    const clearances = { ...node("c", "2027-06-30", "in_progress"), title: "Clearances for four new mines" };
    const output = node("p", "2027-03-31", "planned", ["c"]);
    const risk = computeRisks([clearances, output], TODAY).get("p")!;
    expect(risk.level).toBe("threatened");
    expect(risk.reasons.map(riskReasonText)).toEqual([
      "depends on 'Clearances for four new mines', due 2027-06-30, after this milestone's 2027-03-31",
    ]);
  });

  it("threatens a milestone whose dependency is late", () => {
    const risk = computeRisks([node("a", "2026-06-30"), node("b", "2027-03-31", "planned", ["a"])], TODAY).get("b")!;
    expect(risk).toMatchObject({ level: "threatened", threatened: true, late: false });
    expect(risk.reasons.map(riskReasonText)).toEqual(["depends on 'A', due 2026-06-30, which is late"]);
  });

  it("names both facts when a late milestone also depends on a later one", () => {
    const risk = computeRisks([node("c", "2026-06-30"), node("p", "2026-03-31", "planned", ["c"])], TODAY).get("p")!;
    expect(risk).toMatchObject({ level: "late", late: true, threatened: true });
    expect(risk.reasons.map(riskReasonText)[1]).toBe(
      "depends on 'C', due 2026-06-30, after this milestone's 2026-03-31; 'C' is late",
    );
  });

  it("ignores done dependencies and dependencies it cannot see", () => {
    const risks = computeRisks([node("a", "2027-09-30", "done"), node("b", "2027-03-31", "planned", ["a", "hidden"])], TODAY);
    expect(risks.get("b")).toMatchObject({ level: "on_track", reasons: [] });
  });

  it("carries a slip down a chain of three", () => {
    const risks = computeRisks(
      [
        node("a", "2026-06-30", "in_progress"),
        node("b", "2027-03-31", "planned", ["a"]),
        node("c", "2027-09-30", "planned", ["b"]),
      ],
      TODAY,
    );
    expect(risks.get("a")!.level).toBe("late");
    expect(risks.get("b")!.level).toBe("threatened");
    expect(risks.get("c")!.level).toBe("threatened");
    expect(risks.get("c")!.reasons.map(riskReasonText)).toEqual(["depends on 'B', which is itself threatened"]);
    // Once the first is done the chain is on track again.
    const after = computeRisks(
      [node("a", "2026-06-30", "done"), node("b", "2027-03-31", "planned", ["a"]), node("c", "2027-09-30", "planned", ["b"])],
      TODAY,
    );
    expect([...after.values()].map((r) => r.level)).toEqual(["done", "on_track", "on_track"]);
  });

  it("stays finite on a cycle that slipped past the check", () => {
    const risks = computeRisks([node("a", "2027-01-01", "planned", ["b"]), node("b", "2027-01-01", "planned", ["a"])], TODAY);
    expect(risks.size).toBe(2);
  });
});

describe("findCycle", () => {
  const edges = [
    ["b", "a"],
    ["c", "b"],
  ] as const;

  it("finds none for an acyclic change", () => {
    expect(findCycle(edges, "d", ["c"])).toBeNull();
    expect(findCycle(edges, "c", ["a", "b"])).toBeNull();
  });

  it("finds the cycle a chain of three would close", () => {
    expect(findCycle(edges, "a", ["c"])).toEqual(["a", "c", "b", "a"]);
  });

  it("finds a self-dependency", () => {
    expect(findCycle([], "a", ["a"])).toEqual(["a", "a"]);
  });

  it("replaces the milestone's current edges with the proposal", () => {
    // a used to depend on c (stored edge); removing it and adding nothing closes no cycle.
    expect(findCycle([...edges, ["a", "c"]], "a", [])).toBeNull();
  });

  it("describes the cycle by title", () => {
    const title = (id: string) => ({ a: "Alpha", b: "Beta", c: "Gamma" })[id] ?? id;
    expect(describeCycle(["a", "c", "b", "a"], title)).toBe(
      "This would create a cycle: 'Alpha' would depend on 'Gamma', which depends on 'Beta', which depends on 'Alpha'.",
    );
    expect(describeCycle(["a", "a"], title)).toBe("'Alpha' cannot depend on itself.");
  });
});

describe("daysBetween", () => {
  it("counts calendar days across a leap year", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
  });
});
