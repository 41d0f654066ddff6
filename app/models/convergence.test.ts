import { describe, expect, it } from "vitest";

import { convergenceOf, positionsAsOf, shiftDate, stanceSpread, trendBetween, type PositionPoint } from "./convergence";

let n = 0;
function pos(
  organizationId: string,
  stance: PositionPoint["stance"],
  statedOn: string,
  recordedAt = `${statedOn}T05:00:00.000Z`,
  issueId = "i1",
): PositionPoint {
  n += 1;
  return { id: `p${String(n).padStart(3, "0")}`, issueId, organizationId, stance, statedOn, recordedAt };
}

describe("stanceSpread", () => {
  it("is the distance between the most supportive and most opposed placed stance", () => {
    expect(stanceSpread(["supports", "opposes"])).toBe(2);
    expect(stanceSpread(["supports", "conditional", "neutral"])).toBe(1);
    expect(stanceSpread(["conditional", "conditional"])).toBe(0);
    expect(stanceSpread(["supports", "conditional"])).toBe(0.5);
  });
  it("leaves undecided parties out and needs two placed stances", () => {
    expect(stanceSpread(["supports", "undecided"])).toBeNull();
    expect(stanceSpread(["opposes"])).toBeNull();
    expect(stanceSpread([])).toBeNull();
    expect(stanceSpread(["undecided", "neutral", "opposes"])).toBe(1);
  });
});

describe("positionsAsOf", () => {
  it("takes the latest position stated on or before the date, per party", () => {
    const a1 = pos("a", "opposes", "2025-03-01");
    const a2 = pos("a", "conditional", "2026-02-01");
    const b1 = pos("b", "supports", "2025-06-01");
    const all = [a2, b1, a1];
    expect(positionsAsOf(all, "2025-02-28").get("i1")).toBeUndefined();
    expect(positionsAsOf(all, "2025-03-01").get("i1")?.get("a")).toBe(a1);
    expect(positionsAsOf(all, "2026-01-31").get("i1")?.get("a")).toBe(a1);
    expect(positionsAsOf(all, "2026-02-01").get("i1")?.get("a")).toBe(a2);
    expect(positionsAsOf(all, "2026-12-01").get("i1")?.get("b")).toBe(b1);
  });
  it("breaks a same-day tie by the time it was recorded", () => {
    const first = pos("a", "opposes", "2026-05-05", "2026-05-05T04:00:00.000Z");
    const second = pos("a", "neutral", "2026-05-05", "2026-05-05T09:00:00.000Z");
    expect(positionsAsOf([second, first], "2026-05-05").get("i1")?.get("a")).toBe(second);
    expect(positionsAsOf([first, second], "2026-05-05").get("i1")?.get("a")).toBe(second);
  });
  it("keeps issues apart", () => {
    const x = pos("a", "opposes", "2025-01-01", undefined, "i1");
    const y = pos("a", "supports", "2025-01-02", undefined, "i2");
    const held = positionsAsOf([x, y], "2025-12-31");
    expect(held.get("i1")?.get("a")).toBe(x);
    expect(held.get("i2")?.get("a")).toBe(y);
  });
});

describe("trendBetween", () => {
  it("names movement by the change in spread", () => {
    expect(trendBetween(0.5, 2)).toBe("converging");
    expect(trendBetween(1.75, 1.5)).toBe("diverging");
    expect(trendBetween(1, 1)).toBe("stable");
    expect(trendBetween(2, 2)).toBe("stuck");
    expect(trendBetween(1.5, 1.5)).toBe("stuck");
    expect(trendBetween(0.9, 1)).toBe("stable");
    expect(trendBetween(null, 1)).toBe("insufficient");
    expect(trendBetween(1, null)).toBe("insufficient");
  });
});

describe("convergenceOf", () => {
  const history = [
    pos("moci", "supports", "2025-02-01"),
    pos("toyotsu", "opposes", "2025-02-10"),
    pos("toyotsu", "neutral", "2026-10-01"),
    pos("toyotsu", "conditional", "2026-11-20"),
    pos("former", "opposes", "2025-02-01"),
  ];
  it("compares the spread now with 30 and 90 days before", () => {
    const c = convergenceOf(history, "i1", ["moci", "toyotsu"], "2026-12-01");
    expect(c).toEqual({ now: 0.5, days30: 1, days90: 2, trend: "converging" });
  });
  it("is computed relative to the chosen date", () => {
    const c = convergenceOf(history, "i1", ["moci", "toyotsu"], "2026-06-01");
    expect(c).toEqual({ now: 2, days30: 2, days90: 2, trend: "stuck" });
  });
  it("counts only current parties", () => {
    expect(convergenceOf(history, "i1", ["moci", "toyotsu", "former"], "2026-12-01").now).toBe(2);
  });
  it("falls back to the 30-day comparison and reports too little to compare", () => {
    const recent = [pos("a", "opposes", "2026-10-01"), pos("b", "supports", "2026-10-01"), pos("a", "supports", "2026-11-25")];
    expect(convergenceOf(recent, "i1", ["a", "b"], "2026-12-01")).toEqual({
      now: 0,
      days30: 2,
      days90: null,
      trend: "converging",
    });
    expect(convergenceOf(recent, "i1", ["a"], "2026-12-01").trend).toBe("insufficient");
  });
});

describe("shiftDate", () => {
  it("moves across month and year ends", () => {
    expect(shiftDate("2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftDate("2026-01-15", -30)).toBe("2025-12-16");
    expect(shiftDate("2026-12-01", -90)).toBe("2026-09-02");
  });
});
