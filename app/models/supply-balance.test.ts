import { describe, expect, it } from "vitest";

import { applySchedule, balanceOf, groupRows, outcomeByMaterial, scheduleOf, totalsOf, type SupplyYear } from "./supply-balance";

const nd26: SupplyYear = {
  material: "neodymium_oxide",
  fiscalYear: "FY2026-27",
  productionKg: 520_000,
  exportsKg: 300_000,
  reserveKg: 40_000,
  approvedKg: 120_000,
  pendingKg: 150_000,
};
const nd27: SupplyYear = { ...nd26, fiscalYear: "FY2027-28", productionKg: 600_000, approvedKg: 0, pendingKg: 100_000 };
const dy26: SupplyYear = {
  material: "dysprosium_oxide",
  fiscalYear: "FY2026-27",
  productionKg: 10_000,
  exportsKg: 0,
  reserveKg: 2_000,
  approvedKg: 12_000,
  pendingKg: 3_000,
};

describe("balanceOf", () => {
  it("is production minus exports minus reserve minus approved, with pending beside it", () => {
    const row = balanceOf(nd26);
    expect(row.availableKg).toBe(180_000);
    expect(row.balanceKg).toBe(60_000);
    expect(row.afterPendingKg).toBe(-90_000);
    expect(row.shortfall).toBe(false);
    expect(row.pendingShortfall).toBe(true);
    expect(row.approvedMetKg).toBe(120_000);
    expect(row.pendingMetKg).toBe(60_000);
  });
  it("shows a shortfall when approvals exceed what is available", () => {
    const row = balanceOf(dy26);
    expect(row.balanceKg).toBe(-4_000);
    expect(row.shortfall).toBe(true);
    expect(row.approvedMetKg).toBe(8_000);
    expect(row.pendingMetKg).toBe(0);
  });
  it("meets nothing when exports and reserve exceed production", () => {
    const row = balanceOf({ ...nd26, exportsKg: 600_000 });
    expect(row.availableKg).toBe(-120_000);
    expect(row.approvedMetKg).toBe(0);
    expect(row.pendingMetKg).toBe(0);
  });
});

describe("totals", () => {
  it("are the sums of the rows", () => {
    const rows = [nd26, nd27, dy26].map(balanceOf);
    const totals = totalsOf(rows);
    expect(totals.productionKg).toBe(1_130_000);
    expect(totals.balanceKg).toBe(rows.reduce((s, r) => s + r.balanceKg, 0));
    const groups = groupRows(rows, "material");
    expect(groups.map((g) => g.value)).toEqual(["neodymium_oxide", "dysprosium_oxide"]);
    expect(groups[0]!.totals.pendingKg).toBe(250_000);
  });
});

describe("the phase-down what-if", () => {
  it("keeps committed exports where the schedule is silent and replaces them where it speaks", () => {
    const base = [nd26, nd27, dy26];
    expect(applySchedule(base, scheduleOf(base)).map((r) => r.balanceKg)).toEqual(base.map((y) => balanceOf(y).balanceKg));
    const phased = applySchedule(base, { neodymium_oxide: { "FY2026-27": 100_000, "FY2027-28": 0 } });
    expect(phased[0]!.exportsKg).toBe(100_000);
    expect(phased[0]!.balanceKg).toBe(260_000);
    expect(phased[0]!.pendingMetKg).toBe(150_000);
    expect(phased[1]!.balanceKg).toBe(560_000);
    expect(phased[2]!.exportsKg).toBe(0);
  });
  it("reports per material how much approved and pending demand is met, year by year", () => {
    const rows = applySchedule([nd26, nd27, dy26], {});
    const [nd, dy] = outcomeByMaterial(rows);
    expect(nd!.totals.approvedKg).toBe(120_000);
    expect(nd!.totals.approvedMetKg).toBe(120_000);
    // 60 t of 150 t in FY2026-27, all 100 t in FY2027-28: supply does not carry over.
    expect(nd!.totals.pendingMetKg).toBe(160_000);
    expect(nd!.shortfallYears).toEqual([]);
    expect(dy!.shortfallYears).toEqual(["FY2026-27"]);
  });
});
