/** Search in every language, against the demo data: Japanese by any part of a word, Hindi whole. */
import { describe, expect, it } from "vitest";

import { searchConsultations } from "~/models/consultations.server";
import { loader as listLoader } from "~/routes/consultations._index";
import { loader as searchLoader } from "~/routes/search";
import { getDb } from "~/utils/db.server";

import { call, cookieFor, get, sessionUserFor } from "./fixtures";

const METI_JA = "経済産業省との実務者協議：レアアース供給の移行期間について";
const SIAM_HI = "SIAM के साथ दुर्लभ मृदा चुंबकों की माँग पर परामर्श";

type Hit = { title: string; snippet: { text: string; hit: boolean }[] };

async function search(email: string, q: string): Promise<{ words: string[]; hits: Hit[] }> {
  const res = await call(searchLoader, get(`/search?q=${encodeURIComponent(q)}`, await cookieFor(email)));
  expect(res.status).toBe(200);
  return res.data as { words: string[]; hits: Hit[] };
}

describe("Japanese search", () => {
  it("finds 日本語のメモ by any part: 日本語, 日本, メモ, のメモ", async () => {
    for (const q of ["日本語", "日本", "メモ", "のメモ", "日本語のメモ", "省"]) {
      const { hits } = await search("meti@accord.test", q);
      expect(
        hits.map((h) => h.title),
        q,
      ).toContain(METI_JA);
    }
  });

  it("marks the match in the snippet, in the text as written", async () => {
    for (const q of ["日本", "日本語"]) {
      const hit = (await search("meti@accord.test", q)).hits.find((h) => h.title === METI_JA)!;
      expect(hit.snippet.filter((p) => p.hit).map((p) => p.text)).toContain(q);
      expect(hit.snippet.map((p) => p.text).join("")).not.toMatch(/日本 本語/);
    }
  });

  it("requires every word, whatever index answers it", async () => {
    expect((await search("official@accord.test", "メモ 移行期間")).hits.map((h) => h.title)).toEqual([METI_JA]);
    expect((await search("official@accord.test", "メモ neodymium")).hits).toEqual([]);
    expect((await search("official@accord.test", "日本語 zzzz")).hits).toEqual([]);
  });

  it("stays within the reader's scope", async () => {
    expect((await search("counterpart@accord.test", "日本")).hits.map((h) => h.title)).not.toContain(METI_JA);
    expect((await search("industry@accord.test", "メモ")).hits).toEqual([]);
  });

  it("filters the list by a Japanese word too", async () => {
    const res = await call(
      listLoader,
      get(`/consultations?q=${encodeURIComponent("日本")}`, await cookieFor("official@accord.test")),
    );
    expect((res.data as { rows: { title: string }[] }).rows.map((r) => r.title)).toEqual([METI_JA]);
  });

  it("ranks a title hit above a notes hit", async () => {
    const hits = await searchConsultations(getDb(), await sessionUserFor("official@accord.test"), "経済産業省");
    expect(hits[0]?.title).toBe(METI_JA);
  });
});

describe("Hindi search", () => {
  it("matches हिन्दी and echoes it whole", async () => {
    const { words, hits } = await search("industry@accord.test", "हिन्दी");
    expect(words).toEqual(["हिन्दी"]);
    expect(hits.map((h) => h.title)).toEqual([SIAM_HI]);
    expect(hits[0]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(["हिन्दी"]);
  });

  it("does not match on a lone consonant the old tokenizer split out", async () => {
    expect((await search("industry@accord.test", "ह")).hits).toEqual([]);
  });

  it("finds Hindi words in titles and English words beside them", async () => {
    expect((await search("industry@accord.test", "चुंबकों")).hits.map((h) => h.title)).toEqual([SIAM_HI]);
    expect((await search("industry@accord.test", "SIAM माँग")).hits.map((h) => h.title)).toEqual([SIAM_HI]);
  });
});
