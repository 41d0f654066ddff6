import { describe, expect, it } from "vitest";

import { listActivity } from "~/models/activity.server";
import { assembleBrief } from "~/models/brief.server";
import { assembleDashboard } from "~/models/dashboard.server";
import { loader as agreementCsvLoader } from "~/routes/agreement[.csv]";
import { action as issueAction, loader as issueLoader } from "~/routes/issues.$issueId._index";
import { loader as matrixLoader } from "~/routes/positions._index";
import { loader as csvLoader } from "~/routes/positions[.csv]";
import { getDb } from "~/utils/db.server";

import { call, cookieFor, countRows, demoData, get, post, sessionUserFor } from "./fixtures";

const VOLUMES = "Transition-period volumes";
const OFFER = "Offers 600 t of neodymium oxide";

interface IssueData {
  timeline: {
    id: string;
    organizationShortName: string;
    statement: string;
    visibility: string;
    inConcurrence: boolean;
    tabledAt: string | null;
    schedule: { material: string; fiscalYear: string; kind: string; kg: number }[];
    concurrence: {
      required: { organization: string; response: string | null; comment: string | null }[];
      complete: boolean;
    } | null;
  }[];
  gaps: { material: string; fiscalYear: string; offerKg: number | null; askKg: number | null; gapKg: number | null }[];
}

interface MatrixData {
  matrix: { rows: { title: string; gaps: { fiscalYear: string; gapKg: number | null }[] }[] };
}

async function issueId(title: string): Promise<string> {
  await demoData();
  return (await getDb().selectFrom("issues").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
}

async function issueData(title: string, email: string): Promise<IssueData> {
  const id = await issueId(title);
  const res = await call(issueLoader, get(`/issues/${id}`, await cookieFor(email)), { issueId: id });
  expect(res.status).toBe(200);
  return res.data as unknown as IssueData;
}

async function indianPosition(): Promise<string> {
  const id = await issueId(VOLUMES);
  return (
    await getDb()
      .selectFrom("positions")
      .select("id")
      .where("issue_id", "=", id)
      .where("needs_concurrence", "=", 1)
      .executeTakeFirstOrThrow()
  ).id;
}

async function act(title: string, email: string, form: Record<string, string>) {
  const id = await issueId(title);
  return call(issueAction, post(`/issues/${id}`, form, await cookieFor(email)), { issueId: id });
}

async function counts() {
  return {
    positions: await countRows("positions"),
    answers: await countRows("position_concurrences"),
    tablings: await countRows("position_tablings"),
    schedules: await countRows("position_schedules"),
    scenarios: await countRows("supply_scenarios"),
  };
}

const fieldErrors = (res: { data: unknown }) => (res.data as { fieldErrors: Record<string, string> }).fieldErrors;

/** Everything an external user could read India's untabled position through. */
async function externalSurfaces(email: string) {
  const cookie = await cookieFor(email);
  const user = await sessionUserFor(email);
  const issue = await issueData(VOLUMES, email);
  const matrix = (await call(matrixLoader, get("/positions", cookie), {})).data as unknown as MatrixData;
  const csv = await (
    (await csvLoader({ request: get("/positions.csv", cookie), params: {}, context: {} } as never)) as Response
  ).text();
  const feed = await listActivity(getDb(), user, {}, null, 200);
  return { issue, matrix, csv, feed: JSON.stringify(feed) };
}

describe("India's position for the table in concurrence", () => {
  it("is seen by the Indian side with who must concur, and shows Mines what awaits it", async () => {
    const official = await issueData(VOLUMES, "official@accord.test");
    const india = official.timeline.find((p) => p.statement.startsWith(OFFER))!;
    expect(india.inConcurrence).toBe(true);
    expect(india.visibility).toBe("internal");
    expect(india.concurrence!.required.map((r) => r.organization).sort()).toEqual(["DAE", "Law", "MEA", "Mines", "MoCI"]);
    expect(india.concurrence!.required.find((r) => r.organization === "Mines")!.response).toBeNull();
    expect(india.concurrence!.complete).toBe(false);
    expect(india.schedule.map((c) => [c.fiscalYear, c.kind, c.kg])).toEqual([
      ["FY2026-27", "offer", 600_000],
      ["FY2027-28", "offer", 300_000],
    ]);

    const mines = await assembleDashboard(getDb(), await sessionUserFor("mines@accord.test"));
    expect(mines.positionsAwaiting.map((p) => p.title)).toContain(VOLUMES);
    const moci = await assembleDashboard(getDb(), await sessionUserFor("official@accord.test"));
    expect(moci.positionsAwaiting).toEqual([]);
  });

  it("is never visible to an external user before tabling: issue page, matrix, CSV, feed and a shared-only brief", async () => {
    for (const email of ["counterpart@accord.test", "meti@accord.test"]) {
      const s = await externalSurfaces(email);
      expect(s.issue.timeline.some((p) => p.statement.startsWith(OFFER))).toBe(false);
      expect(s.issue.timeline.some((p) => p.concurrence !== null)).toBe(false);
      // Toyotsu's own ask is there; India's offer is not, so no gap yet.
      expect(s.issue.gaps.every((g) => g.offerKg === null)).toBe(true);
      expect(s.matrix.matrix.rows.find((r) => r.title === VOLUMES)!.gaps.every((g) => g.gapKg === null)).toBe(true);
      expect(s.csv).not.toContain("offer 600");
      expect(s.feed).not.toContain("2026-11-20T06:00:00.000Z");
      expect(s.feed).not.toContain("position_concurrence");
    }
    const brief = await assembleBrief(getDb(), await sessionUserFor("official@accord.test"), ["shared"]);
    expect(JSON.stringify(brief)).not.toContain(OFFER);
    const internalBrief = await assembleBrief(getDb(), await sessionUserFor("official@accord.test"), ["shared", "internal"]);
    expect(JSON.stringify(internalBrief)).toContain(OFFER);
  });

  it("refuses concurrence for another organization, twice, from a ministry not asked, and tabling before all concurred", async () => {
    const positionId = await indianPosition();
    const moci = (
      await getDb().selectFrom("organizations").select("id").where("short_name", "=", "MoCI").executeTakeFirstOrThrow()
    ).id;
    const answer = { intent: "positionConcur", positionId, response: "concur", comment: "", visibility: "internal" };
    const cases = [
      // Mines may not answer for MoCI.
      { email: "mines@accord.test", form: { ...answer, organizationId: moci }, status: 400, field: "response" },
      // MoCI has answered already.
      { email: "official@accord.test", form: answer, status: 400, field: "response" },
      // An objection needs its reasons.
      { email: "mines@accord.test", form: { ...answer, response: "object" }, status: 400, field: "comment" },
      // Tabling while Mines has not answered.
      { email: "official@accord.test", form: { intent: "positionTable", positionId }, status: 400 },
      // External users cannot reach the position at all.
      { email: "counterpart@accord.test", form: answer, status: 404 },
      { email: "counterpart@accord.test", form: { intent: "positionTable", positionId }, status: 404 },
      { email: "industry@accord.test", form: { intent: "scenario", positionId }, status: 404 },
    ];
    for (const c of cases) {
      const before = await counts();
      const res = await act(VOLUMES, c.email, c.form);
      expect(res.status, `${c.email} ${JSON.stringify(c.form)}`).toBe(c.status);
      if (c.field) expect(Object.keys(fieldErrors(res))).toContain(c.field);
      expect(await counts()).toEqual(before);
    }
  });

  it("is tabled once all five concurred; the counterpart then sees it, the gap per year and the offer in the CSV", async () => {
    const positionId = await indianPosition();
    const res = await act(VOLUMES, "mines@accord.test", {
      intent: "positionConcur",
      positionId,
      response: "concur",
      comment: "",
      visibility: "internal",
    });
    expect(res.status).toBe(200);
    const mines = await assembleDashboard(getDb(), await sessionUserFor("mines@accord.test"));
    expect(mines.positionsAwaiting.map((p) => p.title)).not.toContain(VOLUMES);

    expect((await act(VOLUMES, "mines@accord.test", { intent: "positionTable", positionId })).status).toBe(200);

    const s = await externalSurfaces("counterpart@accord.test");
    const india = s.issue.timeline.find((p) => p.statement.startsWith(OFFER))!;
    expect(india.visibility).toBe("shared");
    expect(india.tabledAt).not.toBeNull();
    // The ministries' answers and comments stay with the Indian side.
    expect(india.concurrence).toBeNull();
    expect(JSON.stringify(s.issue)).not.toContain("right of both parties");
    expect(s.issue.gaps.map((g) => [g.fiscalYear, g.offerKg, g.askKg, g.gapKg])).toEqual([
      ["FY2026-27", 600_000, 700_000, 100_000],
      ["FY2027-28", 300_000, 400_000, 100_000],
    ]);
    expect(s.matrix.matrix.rows.find((r) => r.title === VOLUMES)!.gaps.map((g) => g.gapKg)).toEqual([100_000, 100_000]);
    expect(s.csv).toContain("FY2026-27 neodymium_oxide: offer 600 t, ask 700 t, gap 100 t");
    expect(s.feed).not.toContain("position_concurrence");
    const brief = await assembleBrief(getDb(), await sessionUserFor("official@accord.test"), ["shared"]);
    expect(JSON.stringify(brief)).toContain(OFFER);
  });

  it("refuses concurrence and tabling after tabling", async () => {
    const positionId = await indianPosition();
    for (const [email, form] of [
      ["dae@accord.test", { intent: "positionConcur", positionId, response: "concur", comment: "", visibility: "internal" }],
      ["official@accord.test", { intent: "positionTable", positionId }],
    ] as const) {
      const before = await counts();
      const res = await act(VOLUMES, email, form);
      expect(res.status).toBe(400);
      expect(await counts()).toEqual(before);
    }
  });

  it("holds a new Government of India position posted as shared for concurrence, internal until tabled", async () => {
    const ctx = await demoData();
    const res = await act(VOLUMES, "official@accord.test", {
      intent: "position",
      organizationId: ctx.org.moci,
      stance: "conditional",
      statement: "A second offer for the table.",
      desiredOutcome: "",
      flexibility: "negotiable",
      statedOn: "2026-11-25",
      sourceConsultationId: "",
      visibility: "shared",
    });
    expect(res.status).toBe(200);
    const row = await getDb()
      .selectFrom("positions")
      .selectAll()
      .where("statement", "=", "A second offer for the table.")
      .executeTakeFirstOrThrow();
    expect(row.visibility).toBe("internal");
    expect(row.needs_concurrence).toBe(1);
    const counterpart = await issueData(VOLUMES, "counterpart@accord.test");
    expect(counterpart.timeline.some((p) => p.id === row.id)).toBe(false);
  });
});

describe("tonnage schedules", () => {
  const base = (organizationId: string, overrides: Record<string, string>) => ({
    intent: "position",
    organizationId,
    stance: "conditional",
    statement: "Schedule test.",
    desiredOutcome: "",
    flexibility: "negotiable",
    statedOn: "2026-11-26",
    sourceConsultationId: "",
    visibility: "shared",
    ...overrides,
  });

  it("refuses bad rows next to the field, with 400 and nothing stored", async () => {
    const ctx = await demoData();
    const row = (material: string, year: string, tonnes: string) => ({
      schedule0Material: material,
      schedule0Year: year,
      schedule0Tonnes: tonnes,
    });
    const cases: { form: Record<string, string>; field: string; title?: string; email?: string }[] = [
      { form: row("neodymium_oxide", "FY2027-28", "-5"), field: "schedule0Tonnes" },
      { form: row("neodymium_oxide", "FY2027-28", "four hundred"), field: "schedule0Tonnes" },
      { form: row("neodymium_oxide", "FY2027-28", "1e3"), field: "schedule0Tonnes" },
      { form: row("unobtainium", "FY2027-28", "400"), field: "schedule0Material" },
      { form: row("neodymium_oxide", "FY2040-41", "400"), field: "schedule0Year" },
      { form: row("neodymium_oxide", "FY2005-06", "400"), field: "schedule0Year" },
      { form: row("neodymium_oxide", "2027", "400"), field: "schedule0Year" },
      {
        form: {
          ...row("neodymium_oxide", "FY2027-28", "400"),
          schedule1Material: "neodymium_oxide",
          schedule1Year: "FY2027-28",
          schedule1Tonnes: "300",
        },
        field: "schedule1Year",
      },
      // A schedule belongs on a volume issue only.
      {
        form: row("neodymium_oxide", "FY2027-28", "400"),
        field: "schedule0Material",
        title: "Binding terms of the 2012 agreement",
      },
    ];
    for (const c of cases) {
      const before = await counts();
      const res = await act(c.title ?? VOLUMES, c.email ?? "counterpart@accord.test", base(ctx.org.toyotsu, c.form));
      expect(res.status, JSON.stringify(c.form)).toBe(400);
      expect(Object.keys(fieldErrors(res)), JSON.stringify(c.form)).toContain(c.field);
      expect(await counts()).toEqual(before);
    }
  });

  it("stores exact tonnes as kilograms, asks for the Japanese side, and opens a schedule as a scenario", async () => {
    const ctx = await demoData();
    const res = await act(
      VOLUMES,
      "counterpart@accord.test",
      base(ctx.org.toyotsu, { schedule0Material: "neodymium_oxide", schedule0Year: "FY2028-29", schedule0Tonnes: "250.125" }),
    );
    expect(res.status).toBe(200);
    const cell = await getDb()
      .selectFrom("position_schedules")
      .selectAll()
      .where("fiscal_year", "=", "FY2028-29")
      .executeTakeFirstOrThrow();
    expect([cell.kind, Number(cell.kg)]).toEqual(["ask", 250_125]);

    const before = await counts();
    const opened = await act(VOLUMES, "official@accord.test", { intent: "scenario", positionId: cell.position_id });
    expect(opened.status).toBe(302);
    const scenarioId = opened.headers.get("Location")!.split("/").pop()!;
    expect((await counts()).scenarios).toBe(before.scenarios + 1);
    const exports = await getDb()
      .selectFrom("supply_scenario_exports")
      .selectAll()
      .where("scenario_id", "=", scenarioId)
      .execute();
    expect(exports.map((e) => [e.material, e.fiscal_year, Number(e.exports_kg)])).toEqual([
      ["neodymium_oxide", "FY2028-29", 250_125],
    ]);
    // A counterpart opens no scenarios.
    expect((await act(VOLUMES, "counterpart@accord.test", { intent: "scenario", positionId: cell.position_id })).status).toBe(
      404,
    );
  });
});

describe("clauses and proposals in the feed and the CSV", () => {
  const INDIA_WORDING = "ending in FY2029-30";
  const FALLBACK = "where domestic requirements so demand";
  const TOYOTSU_WORDING = "not less than 700 t";

  async function csvFor(email: string) {
    const res = (await agreementCsvLoader({
      request: get("/agreement.csv", await cookieFor(email)),
      params: {},
      context: {},
    } as never)) as Response;
    expect(res.headers.get("Content-Type")).toMatch(/text\/csv/);
    return res.text();
  }

  it("exports to Toyotsu its own proposal and never India's untabled wording or the restricted fall-back", async () => {
    await demoData();
    const counterpart = await csvFor("counterpart@accord.test");
    expect(counterpart).toContain(TOYOTSU_WORDING);
    expect(counterpart).not.toContain(INDIA_WORDING);
    expect(counterpart).not.toContain(FALLBACK);
    expect(counterpart).not.toContain("Domestic priority note");
    const official = await csvFor("official@accord.test");
    expect(official).toContain(INDIA_WORDING);
    expect(official).toContain(FALLBACK);
    expect(official).toContain("in concurrence");
  });

  it("shows Toyotsu clause events and its own proposals in the feed, never India's untabled ones or any concurrence", async () => {
    const feedOf = async (email: string) => listActivity(getDb(), await sessionUserFor(email), {}, null, 200);
    const counterpart = await feedOf("counterpart@accord.test");
    expect(counterpart.items.some((i) => i.kind === "clause")).toBe(true);
    const proposals = counterpart.items.filter((i) => i.kind === "amendment");
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.every((i) => i.subject.kind === "amendment" && i.subject.party === "TREI")).toBe(true);
    expect(counterpart.items.some((i) => i.action.startsWith("concurrence") || i.action.startsWith("position_concurrence"))).toBe(
      false,
    );
    const official = await feedOf("official@accord.test");
    expect(official.items.some((i) => i.subject.kind === "amendment" && i.subject.party === "MoCI")).toBe(true);
  });
});
