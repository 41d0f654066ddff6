import { describe, expect, it } from "vitest";

import {
  compareFiscalYears,
  fiscalYearDates,
  fiscalYearLabel,
  fiscalYearOf,
  offeredFiscalYears,
  parseFiscalYear,
} from "./fiscal-year";

describe("parseFiscalYear", () => {
  it("reads well-formed labels", () => {
    expect(parseFiscalYear("FY2025-26")).toBe(2025);
    expect(parseFiscalYear(" FY2099-00 ")).toBe(2099);
  });
  it("refuses badly formed or inconsistent labels", () => {
    for (const bad of [
      "2025-26",
      "FY2025-27",
      "FY2025/26",
      "fy2025-26",
      "FY25-26",
      "FY2025-2026",
      "FY2025-26x",
      "",
      "FYabcd-ef",
    ]) {
      expect(parseFiscalYear(bad), bad).toBeNull();
    }
  });
  it("round-trips with fiscalYearLabel", () => {
    for (const year of [1999, 2009, 2025, 2030]) expect(parseFiscalYear(fiscalYearLabel(year))).toBe(year);
    expect(fiscalYearLabel(2009)).toBe("FY2009-10");
    expect(fiscalYearLabel(1999)).toBe("FY1999-00");
  });
});

describe("fiscalYearOf", () => {
  it("starts the year on 1 April in India", () => {
    expect(fiscalYearOf(new Date("2026-12-01T09:00:00Z"))).toBe("FY2026-27");
    expect(fiscalYearOf(new Date("2026-03-31T12:00:00Z"))).toBe("FY2025-26");
    expect(fiscalYearOf(new Date("2026-04-01T00:00:00+05:30"))).toBe("FY2026-27");
    // 31 March 19:00 UTC is already 1 April in IST.
    expect(fiscalYearOf(new Date("2026-03-31T19:00:00Z"))).toBe("FY2026-27");
    expect(fiscalYearOf(new Date("2027-01-15T00:00:00Z"))).toBe("FY2026-27");
  });
});

describe("offeredFiscalYears", () => {
  it("offers the current year and the next four", () => {
    expect(offeredFiscalYears(new Date("2026-12-01T00:00:00Z"))).toEqual([
      "FY2026-27",
      "FY2027-28",
      "FY2028-29",
      "FY2029-30",
      "FY2030-31",
    ]);
    expect(offeredFiscalYears(new Date("2027-03-01T00:00:00Z"))[0]).toBe("FY2026-27");
    expect(offeredFiscalYears(new Date("2027-04-02T00:00:00Z"))[0]).toBe("FY2027-28");
  });
});

describe("fiscalYearDates and ordering", () => {
  it("spans April to March", () => {
    expect(fiscalYearDates("FY2025-26")).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(fiscalYearDates("FY2025-27")).toBeNull();
  });
  it("orders chronologically", () => {
    expect(["FY2030-31", "FY2024-25", "FY2026-27"].sort(compareFiscalYears)).toEqual(["FY2024-25", "FY2026-27", "FY2030-31"]);
  });
});
