import { describe, expect, it } from "vitest";

import { loader as registerLoader } from "~/routes/agreement._index";
import { action as clauseAction, loader as clauseLoader } from "~/routes/agreement.clauses.$clauseId";
import { getDb } from "~/utils/db.server";
import type { DemoOrgKey } from "~db/seed/organizations";

import { call, cookieFor, countRows, demoData, get, post } from "./fixtures";

interface ClauseData {
  amendments: {
    id: string;
    organization: string;
    visibility: string;
    onTable: boolean;
    tabledAt: string | null;
    proposedText: string;
    diff: { text: string; change: string }[];
    concurrence: {
      required: { organization: string; response: string | null; comment: string | null }[];
      complete: boolean;
    } | null;
  }[];
  history: { to_status: string }[];
}

async function clauseId(reference: string): Promise<string> {
  await demoData();
  return (await getDb().selectFrom("clauses").select("id").where("reference", "=", reference).executeTakeFirstOrThrow()).id;
}

async function page(reference: string, email: string) {
  const id = await clauseId(reference);
  return call(clauseLoader, get(`/agreement/clauses/${id}`, await cookieFor(email)), { clauseId: id });
}

async function clauseData(reference: string, email: string): Promise<ClauseData> {
  const res = await page(reference, email);
  expect(res.status).toBe(200);
  return res.data as unknown as ClauseData;
}

async function indianProposal(reference: string): Promise<string> {
  const id = await clauseId(reference);
  const moci = (await getDb().selectFrom("organizations").select("id").where("short_name", "=", "MoCI").executeTakeFirstOrThrow())
    .id;
  return (
    await getDb()
      .selectFrom("clause_amendments")
      .select("id")
      .where("clause_id", "=", id)
      .where("organization_id", "=", moci)
      .executeTakeFirstOrThrow()
  ).id;
}

async function act(reference: string, email: string, form: Record<string, string>) {
  const id = await clauseId(reference);
  return call(clauseAction, post(`/agreement/clauses/${id}`, form, await cookieFor(email)), { clauseId: id });
}

async function rowCounts() {
  return {
    amendments: await countRows("clause_amendments"),
    concurrences: await countRows("concurrences"),
    tablings: await countRows("amendment_tablings"),
  };
}

describe("the clause register", () => {
  it("lists each reader only the clauses it may see, with illustrative text marked", async () => {
    await demoData();
    const refs = async (email: string) =>
      (
        (await call(registerLoader, get("/agreement", await cookieFor(email)))).data.clauses as {
          reference: string;
          illustrative: boolean;
        }[]
      ).map((c) => c.reference);
    expect(await refs("official@accord.test")).toContain("Annex (India)");
    const toyotsu = await refs("counterpart@accord.test");
    expect(toyotsu).toContain("Clause 3");
    expect(toyotsu).not.toContain("Annex (India)");
    // SIAM is party to the phase-down issue only among the clauses' issues.
    expect(await refs("industry@accord.test")).toEqual(["Clause 3", "Clause 6"]);
    const annex = await clauseId("Annex (India)");
    expect(
      (
        await call(clauseLoader, get(`/agreement/clauses/${annex}`, await cookieFor("counterpart@accord.test")), {
          clauseId: annex,
        })
      ).status,
    ).toBe(404);
  });

  it("shows a clause's proposals in time order with a word-level difference and its history", async () => {
    const d = await clauseData("Clause 3", "official@accord.test");
    expect(d.amendments.map((a) => a.organization)).toEqual(["TREI", "MoCI"]);
    const trei = d.amendments[0]!;
    expect(trei.onTable).toBe(true);
    expect(trei.diff.some((p) => p.change === "added" && p.text.includes("700"))).toBe(true);
    expect(trei.diff.some((p) => p.change === "removed")).toBe(true);
    expect(d.amendments[1]!.concurrence!.required.find((r) => r.organization === "Mines")!.response).toBeNull();
    expect(d.history.map((h) => h.to_status)).toEqual(["amendment_proposed"]);
  });
});

describe("what the other party never sees", () => {
  it("hides an untabled Indian proposal, the concurrence and its comments from Toyotsu", async () => {
    const d = await clauseData("Clause 3", "counterpart@accord.test");
    expect(d.amendments.map((a) => a.organization)).toEqual(["TREI"]);
    expect(JSON.stringify(d)).not.toMatch(/Brief the Japanese government|phase-down schedule/);
  });

  it("shows a restricted fall-back only to those who read restricted material", async () => {
    expect((await clauseData("Clause 7", "official@accord.test")).amendments).toHaveLength(1);
    expect((await clauseData("Clause 7", "irel@accord.test")).amendments).toHaveLength(0);
    expect((await clauseData("Clause 7", "counterpart@accord.test")).amendments).toHaveLength(0);
  });
});

describe("inter-ministerial concurrence and tabling", () => {
  it("refuses to table before every ministry concurred, and a restricted fall-back ever", async () => {
    const before = await rowCounts();
    const early = await act("Clause 3", "official@accord.test", {
      intent: "table",
      amendmentId: await indianProposal("Clause 3"),
    });
    expect(early.status).toBe(400);
    expect((early.data as { formError: string }).formError).toMatch(/Every named ministry must concur/);
    const fallback = await act("Clause 7", "official@accord.test", {
      intent: "table",
      amendmentId: await indianProposal("Clause 7"),
    });
    expect(fallback.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers for the user's own organization only, and only once", async () => {
    const fallback = await indianProposal("Clause 7");
    const mines = (
      await getDb().selectFrom("organizations").select("id").where("short_name", "=", "Mines").executeTakeFirstOrThrow()
    ).id;
    // An organizationId in the form is ignored: MoCI's official answers for MoCI.
    const first = await act("Clause 7", "official@accord.test", {
      intent: "concur",
      amendmentId: fallback,
      response: "concur",
      organizationId: mines,
      visibility: "restricted",
    });
    expect(first.status).toBe(200);
    const rows = await getDb()
      .selectFrom("concurrences")
      .innerJoin("organizations as o", "o.id", "concurrences.organization_id")
      .select("o.short_name")
      .where("amendment_id", "=", fallback)
      .execute();
    expect(rows.map((r) => r.short_name)).toEqual(["MoCI"]);
    const before = await rowCounts();
    const twice = await act("Clause 7", "admin@accord.test", {
      intent: "concur",
      amendmentId: fallback,
      response: "object",
      comment: "No.",
      visibility: "internal",
    });
    expect(twice.status).toBe(400);
    expect((twice.data as { fieldErrors: Record<string, string> }).fieldErrors.response).toMatch(/already answered/);
    // Neither IREL nor a counterpart gives concurrence at all; an objection needs reasons.
    for (const email of ["irel@accord.test", "counterpart@accord.test"]) {
      const form = {
        intent: "concur",
        amendmentId: await indianProposal("Clause 3"),
        response: "concur",
        visibility: "internal",
      };
      expect((await act("Clause 3", email, form)).status, email).toBe(404);
    }
    const bare = await act("Clause 3", "mines@accord.test", {
      intent: "concur",
      amendmentId: await indianProposal("Clause 3"),
      response: "object",
      visibility: "internal",
    });
    expect((bare.data as { fieldErrors: Record<string, string> }).fieldErrors.comment).toBeDefined();
    const shared = await act("Clause 3", "mines@accord.test", {
      intent: "concur",
      amendmentId: await indianProposal("Clause 3"),
      response: "concur",
      visibility: "shared",
    });
    expect(shared.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it("tables once Mines concurs: then Toyotsu sees it, shared and on the table, and no more answers are taken", async () => {
    const proposal = await indianProposal("Clause 3");
    const ok = await act("Clause 3", "mines@accord.test", {
      intent: "concur",
      amendmentId: proposal,
      response: "concur",
      visibility: "internal",
    });
    expect(ok.status).toBe(200);
    const tabled = await act("Clause 3", "mines@accord.test", { intent: "table", amendmentId: proposal });
    expect(tabled.status).toBe(200);
    const seen = await clauseData("Clause 3", "counterpart@accord.test");
    expect(seen.amendments.map((a) => [a.organization, a.visibility, a.onTable])).toEqual([
      ["TREI", "shared", false],
      ["MoCI", "shared", true],
    ]);
    expect(seen.amendments[1]!.concurrence).toBeNull();
    expect(JSON.stringify(seen)).not.toMatch(/Brief the Japanese government/);
    const again = await act("Clause 3", "mines@accord.test", { intent: "table", amendmentId: proposal });
    expect(again.status).toBe(400);
    const late = await act("Clause 3", "diplomat@accord.test", {
      intent: "concur",
      amendmentId: proposal,
      response: "object",
      comment: "Too late",
      visibility: "internal",
    });
    expect(late.status).toBe(400);
    expect((late.data as { formError: string }).formError).toMatch(/already on the table/);
  });
});

describe("proposing wording", () => {
  it("refuses, next to the field, what may not be proposed, storing nothing", async () => {
    const ctx = await demoData();
    const before = await rowCounts();
    // Who proposes, for which organization, at which level, and the field refused; the wording is valid unless given.
    const cases: [email: string, org: DemoOrgKey, visibility: string, field: string, proposedText?: string][] = [
      ["official@accord.test", "moci", "shared", "visibility"],
      ["official@accord.test", "moci", "internal", "proposedText", "   "],
      ["official@accord.test", "toyotsu", "internal", "organizationId"],
      ["counterpart@accord.test", "moci", "shared", "organizationId"],
      ["counterpart@accord.test", "toyotsu", "internal", "visibility"],
      ["counterpart@accord.test", "toyotsu", "nobody", "visibility"],
    ];
    for (const [email, org, visibility, field, proposedText = "New words."] of cases) {
      const form = { organizationId: ctx.org[org], proposedText, visibility };
      const res = await act("Clause 4", email, { intent: "propose", rationale: "", ...form });
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(Object.keys((res.data as { fieldErrors: Record<string, string> }).fieldErrors)).toContain(field);
    }
    expect(
      (
        await act("Clause 4", "industry@accord.test", {
          intent: "propose",
          organizationId: ctx.org.siam,
          proposedText: "x",
          visibility: "shared",
        })
      ).status,
    ).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });

  it("lets Toyotsu propose for itself: tabled as made, shared with India", async () => {
    const ctx = await demoData();
    const res = await act("Clause 4", "counterpart@accord.test", {
      intent: "propose",
      organizationId: ctx.org.toyotsu,
      proposedText: "Prices shall be fixed for the transition.",
      rationale: "Certainty for customers.",
      visibility: "shared",
    });
    expect(res.status).toBe(200);
    const d = await clauseData("Clause 4", "official@accord.test");
    expect(d.amendments.at(-1)).toMatchObject({ organization: "TREI", onTable: true });
  });
});

describe("the brief's clause section", () => {
  it("holds a Japanese-side brief to tabled, shared wording only", async () => {
    const { assembleBrief } = await import("~/models/brief.server");
    const { sessionUserFor } = await import("./fixtures");
    const official = await sessionUserFor("official@accord.test");
    const shared = await assembleBrief(getDb(), official, ["shared"]);
    const text = JSON.stringify(shared.clauses);
    expect(shared.clauses.map((c) => c.reference)).toContain("Clause 7");
    expect(text).not.toMatch(/invoke a review|Annex/);
    const clause3 = shared.clauses.find((c) => c.reference === "Clause 3")!;
    // Mines tabled India's wording earlier in this file: it is now what is on the table.
    expect(clause3.onTable?.organization).toBe("MoCI");
    const full = await assembleBrief(getDb(), official, ["shared", "internal", "restricted"]);
    expect(full.clauses.map((c) => c.reference)).toContain("Annex (India)");
    expect(full.clauses.find((c) => c.reference === "Clause 7")!.onTable).toBeNull();
  });
});
