import { describe, expect, it } from "vitest";

import { neutraliseFormula, toCsv } from "./csv.server";

describe("CSV cells", () => {
  it("neutralises what a spreadsheet would run", () => {
    for (const attack of ['=HYPERLINK("http://evil.example")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1", "\r=1"]) {
      expect(neutraliseFormula(attack)).toBe(`'${attack}`);
    }
  });
  it("keeps numbers and ordinary text", () => {
    expect(neutraliseFormula("-2.5")).toBe("-2.5");
    expect(neutraliseFormula(-2)).toBe(-2);
    expect(neutraliseFormula("NdPr oxide")).toBe("NdPr oxide");
  });
  it("quotes commas, quotes and newlines", () => {
    expect(toCsv([["a,b", 'say "x"', "line\nbreak", "=1"]])).toBe('"a,b","say ""x""","line\nbreak",\'=1\n');
  });
});
