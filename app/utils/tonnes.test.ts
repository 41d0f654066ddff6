import { describe, expect, it } from "vitest";

import { formatShare, formatTonnes } from "~/utils/format";

import { parseTonnes, tonnesInput } from "./tonnes";

describe("parseTonnes", () => {
  it("turns decimal text into exact kilograms", () => {
    expect(parseTonnes("120")).toEqual({ ok: true, kg: 120_000 });
    expect(parseTonnes("12.5")).toEqual({ ok: true, kg: 12_500 });
    expect(parseTonnes("0.001")).toEqual({ ok: true, kg: 1 });
    expect(parseTonnes(".25")).toEqual({ ok: true, kg: 250 });
    expect(parseTonnes("1,250.125")).toEqual({ ok: true, kg: 1_250_125 });
    expect(parseTonnes(" 100000 ")).toEqual({ ok: true, kg: 100_000_000 });
    // 0.1 + 0.2 style float errors cannot happen: digits are read, not multiplied.
    expect(parseTonnes("0.3")).toEqual({ ok: true, kg: 300 });
    expect(parseTonnes("4503599627.37")).toMatchObject({ ok: false });
  });
  it("refuses zero, negatives, text, too many decimals and absurd quantities", () => {
    expect(parseTonnes("0")).toMatchObject({ ok: false, error: "Quantity must be more than zero." });
    expect(parseTonnes("0", { allowZero: true })).toEqual({ ok: true, kg: 0 });
    expect(parseTonnes("-5")).toMatchObject({ ok: false, error: "Quantity must be positive." });
    expect(parseTonnes("ten")).toMatchObject({ ok: false });
    expect(parseTonnes("1e3")).toMatchObject({ ok: false });
    expect(parseTonnes("1.2345")).toMatchObject({ ok: false, error: expect.stringMatching(/three decimals/) });
    expect(parseTonnes("100000.001")).toMatchObject({ ok: false, error: expect.stringMatching(/at most/) });
    expect(parseTonnes("")).toMatchObject({ ok: false, error: "Quantity is required." });
    expect(parseTonnes(undefined)).toMatchObject({ ok: false });
    expect(parseTonnes("12.")).toEqual({ ok: true, kg: 12_000 });
    expect(parseTonnes("1.2.3")).toMatchObject({ ok: false });
  });
});

describe("formatting", () => {
  it("shows kilograms as exact tonnes", () => {
    expect(formatTonnes(1_250_500)).toBe("1,250.5 t");
    expect(formatTonnes(2_900_000)).toBe("2,900 t");
    expect(formatTonnes(1)).toBe("0.001 t");
    expect(formatTonnes(-40_000)).toBe("−40 t");
    expect(tonnesInput(12_050)).toBe("12.05");
    expect(tonnesInput(-1_000)).toBe("-1");
  });
  it("rounds shares down", () => {
    expect(formatShare(999, 1000)).toBe("99.9%");
    expect(formatShare(1000, 1000)).toBe("100%");
    expect(formatShare(-5, 1000)).toBe("0%");
    expect(formatShare(0, 0)).toBe("—");
    expect(formatShare(2, 3)).toBe("66.6%");
  });
});
