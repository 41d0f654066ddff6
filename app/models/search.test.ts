import { describe, expect, it } from "vitest";

import { noSpaceBigrams, searchWords, snippetAround, splitSnippet, toFtsQuery, toSearchPlan } from "./search";

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

describe("search in scripts without spaces and with combining marks", () => {
  it("keeps Devanagari marks inside the word", () => {
    expect(searchWords("हिन्दी में")).toEqual(["हिन्दी", "में"]);
  });

  it("sends long Japanese runs to the trigram index and short ones to the bigram columns", () => {
    const long = toSearchPlan("日本語のメモ")!;
    expect(long.substrings).toBe('"日本語のメモ"');
    expect(long.words).toBeNull();
    const short = toSearchPlan("日本 メモ")!;
    expect(short.substrings).toBeNull();
    expect(short.words).toContain(': "日本"');
    expect(short.words).toContain(': "メモ"');
    expect(short.needsOwnSnippet).toBe(true);
    expect(toSearchPlan("日")!.words).toMatch(/: "日" \*$/);
  });

  it("splits a word that mixes scripts", () => {
    const plan = toSearchPlan("メモ2026 neodymium")!;
    expect(plan.terms.sort()).toEqual(["2026", "neodymium", "メモ"].sort());
  });

  it("never lets query syntax through", () => {
    const plan = toSearchPlan('日本" OR 1 {x} : NEAR(')!;
    for (const part of [plan.words ?? "", plan.substrings ?? ""])
      expect(part.match(/"/g)?.length ?? 0).toBe((part.match(/"[^"]*"/g)?.length ?? 0) * 2);
    expect(plan.terms).not.toContain('"');
  });

  it("indexes every pair and each run's last character", () => {
    expect(noSpaceBigrams("日本語のメモ and more 価格")).toBe("日本 本語 語の のメ メモ モ 価格 格");
  });

  it("cuts a snippet around the first hit and marks every hit", () => {
    expect(snippetAround(["", "以下は日本語のメモの要旨"], ["日本", "メモ"], "[", "]")).toBe("以下は[日本]語の[メモ]の要旨");
  });
});
