import { describe, expect, it } from "vitest";

import { searchWords, splitSnippet, toFtsQuery } from "./search";

describe("toFtsQuery", () => {
  it("quotes every word and joins them as AND", () => {
    expect(toFtsQuery("Neodymium shipments")).toBe('"neodymium" "shipments"');
  });

  it("treats FTS5 syntax as plain words", () => {
    expect(toFtsQuery('"unbalanced')).toBe('"unbalanced"');
    expect(toFtsQuery("magnet*")).toBe('"magnet"');
    expect(toFtsQuery("NEAR(oxide plant, 3)")).toBe('"near" "oxide" "plant" "3"');
    expect(toFtsQuery("title:IREL OR notes:Toyotsu")).toBe('"title" "irel" "or" "notes" "toyotsu"');
    expect(toFtsQuery("AND NOT ^first - {a b}")).toBe('"and" "not" "first" "a" "b"');
  });

  it("returns null when nothing searchable is left", () => {
    expect(toFtsQuery("")).toBeNull();
    expect(toFtsQuery(' "" * ( ) : ^ ')).toBeNull();
  });

  it("keeps non-Latin words, drops repeats and caps the length", () => {
    expect(searchWords("レアアース 磁石 レアアース")).toEqual(["レアアース", "磁石"]);
    expect(searchWords(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "))).toHaveLength(12);
  });
});

describe("splitSnippet", () => {
  it("splits marked matches into parts", () => {
    expect(splitSnippet("the \u0002oxide\u0003 plant", "\u0002", "\u0003")).toEqual([
      { text: "the ", hit: false },
      { text: "oxide", hit: true },
      { text: " plant", hit: false },
    ]);
  });

  it("keeps markup as text", () => {
    expect(splitSnippet("<b>\u0002x\u0003", "\u0002", "\u0003")).toEqual([
      { text: "<b>", hit: false },
      { text: "x", hit: true },
    ]);
  });
});
