import { describe, expect, it } from "vitest";

import { listIssues, listIssuesForConsultation } from "~/models/issues.server";
import { positionsMatrix } from "~/models/positions.server";
import { loader as issuesLoader } from "~/routes/issues._index";
import { action as issueAction, loader as issueLoader } from "~/routes/issues.$issueId._index";
import { action as editAction } from "~/routes/issues.$issueId.edit";
import { action as newIssueAction, loader as newIssueLoader } from "~/routes/issues.new";
import { action as matrixAction, loader as matrixLoader } from "~/routes/positions._index";
import { loader as csvLoader } from "~/routes/positions[.csv]";
import { getDb } from "~/utils/db.server";
import { DEMO_ISSUES } from "~db/seed/positions";

import { insertConsultation } from "./factories";
import { call, cookieFor, countRows, demoData, get, post, sessionUserFor } from "./fixtures";

const PHASE_DOWN = "Phase-down of exports under the 2012 arrangement";
const VOLUMES = "Transition-period volumes";
const BINDING = "Binding terms of the 2012 agreement";
const DOMESTIC = "Domestic priority allocation";
const MAGNETS = "Joint magnet-manufacturing partnership in India";
const ALTERNATIVE = "Alternative supply for Japan";

async function issueId(title: string): Promise<string> {
  await demoData();
  return (await getDb().selectFrom("issues").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
}

async function positionCount(): Promise<number> {
  return countRows("positions");
}

interface RegisterData {
  total: number;
  rows: { id: string; title: string; position_count: number }[];
}
interface MatrixData {
  matrix: {
    columns: { id: string; shortName: string }[];
    rows: {
      id: string;
      title: string;
      cells: Record<string, { stance: string; redLine: boolean } | null>;
      convergence: { now: number | null; days30: number | null; days90: number | null; trend: string };
    }[];
  };
}
interface IssueData {
  parties: { id: string; shortName: string; current: { stance: string; statement: string; redLine: boolean } | null }[];
  timeline: {
    id: string;
    organizationShortName: string;
    statement: string;
    redLine: boolean;
    current: boolean;
    visibility: string;
  }[];
  assessments: { id: string }[];
  recordable: { organization_id: string }[];
}

const positionForm = (organizationId: string, overrides: Record<string, string> = {}) => ({
  intent: "position",
  organizationId,
  stance: "conditional",
  statement: "Toyotsu can accept a shorter transition if minimum volumes are guaranteed.",
  desiredOutcome: "",
  flexibility: "negotiable",
  statedOn: "2026-11-30",
  sourceConsultationId: "",
  visibility: "shared",
  ...overrides,
});

describe("the demonstration story", () => {
  it("measures the demo story before any test adds positions: two issues converging, one stuck", async () => {
    const figures = async (email: string, asOf: string) =>
      Object.fromEntries(
        (await positionsMatrix(getDb(), await sessionUserFor(email), asOf, null)).rows.map((r) => [r.title, r.convergence]),
      );
    const now = await figures("diplomat@accord.test", "2026-12-01");
    expect(now[PHASE_DOWN]).toEqual({ now: 0.5, days30: 1, days90: 1, trend: "converging" });
    expect(now[VOLUMES]).toEqual({ now: 0, days30: 0, days90: 1.5, trend: "converging" });
    expect(now[BINDING]).toEqual({ now: 2, days30: 2, days90: 2, trend: "stuck" });
    expect(now[MAGNETS]?.trend).toBe("stable");
    // A year earlier, nothing was moving toward agreement.
    const before = await figures("diplomat@accord.test", "2025-12-01");
    expect(before[PHASE_DOWN]).toEqual({ now: 2, days30: 2, days90: 2, trend: "stuck" });
    expect(before[VOLUMES]?.now).toBe(1.5);
    // A counterpart's figures come from what it may see: DAE's and IREL's internal positions do not count.
    const counterpart = await figures("counterpart@accord.test", "2026-12-01");
    expect(counterpart[PHASE_DOWN]).toEqual({ now: 0.5, days30: 1, days90: 1, trend: "converging" });
    expect(counterpart[DOMESTIC]).toBeUndefined();
  });
});

describe("who sees which issue", () => {
  const expected: Record<string, string[]> = {
    "official@accord.test": [ALTERNATIVE, BINDING, DOMESTIC, MAGNETS, PHASE_DOWN, VOLUMES],
    "irel@accord.test": [ALTERNATIVE, BINDING, DOMESTIC, MAGNETS, PHASE_DOWN, VOLUMES],
    "diplomat@accord.test": [ALTERNATIVE, BINDING, DOMESTIC, MAGNETS, PHASE_DOWN, VOLUMES],
    // Toyotsu is a party to the internal domestic-allocation issue, which it still never sees.
    "counterpart@accord.test": [ALTERNATIVE, BINDING, MAGNETS, PHASE_DOWN, VOLUMES],
    "meti@accord.test": [ALTERNATIVE, BINDING, MAGNETS, PHASE_DOWN, VOLUMES],
    "industry@accord.test": [MAGNETS, PHASE_DOWN],
    "elcina@accord.test": [],
  };
  for (const [email, titles] of Object.entries(expected)) {
    it(`lists, counts and opens exactly the issues ${email} may see`, async () => {
      const cookie = await cookieFor(email);
      const res = await call(issuesLoader, get("/issues", cookie));
      const data = res.data as RegisterData;
      const listed = data.rows.map((r) => r.title).filter((t) => DEMO_ISSUES.some((d) => d.title === t));
      expect(listed).toEqual(titles);
      expect(data.total).toBe(data.rows.length);
      for (const demo of DEMO_ISSUES) {
        const id = await issueId(demo.title);
        const page = await call(issueLoader, get(`/issues/${id}`, cookie), { issueId: id });
        expect(page.status, `${email} opening ${demo.title}`).toBe(titles.includes(demo.title) ? 200 : 404);
      }
    });
  }

  it("answers 404 to an unknown issue", async () => {
    const cookie = await cookieFor("official@accord.test");
    expect((await call(issueLoader, get("/issues/nope", cookie), { issueId: "nope" })).status).toBe(404);
  });
});

describe("red lines and internal positions", () => {
  it("shows the red line only to officials, diplomats and admins, in the issue page, the matrix and the count", async () => {
    const id = await issueId(BINDING);
    const moci = (await demoData()).org.moci;
    for (const email of ["official@accord.test", "diplomat@accord.test", "admin@accord.test"]) {
      const page = (await call(issueLoader, get(`/issues/${id}`, await cookieFor(email)), { issueId: id })).data as IssueData;
      expect(page.parties.find((p) => p.id === moci)?.current?.redLine).toBe(true);
    }
    for (const email of ["irel@accord.test", "counterpart@accord.test", "meti@accord.test"]) {
      const cookie = await cookieFor(email);
      const page = (await call(issueLoader, get(`/issues/${id}`, cookie), { issueId: id })).data as IssueData;
      expect(page.timeline.some((p) => p.redLine || p.visibility === "restricted")).toBe(false);
      expect(JSON.stringify(page)).not.toContain("red line");
      // The party's current stance is the latest one this user may see.
      expect(page.parties.find((p) => p.id === moci)?.current?.statement).toMatch(/^India seeks to renegotiate/);
      const matrix = (await call(matrixLoader, get("/positions", cookie))).data as MatrixData;
      const row = matrix.matrix.rows.find((r) => r.id === id)!;
      expect(row.cells[moci]).toEqual(expect.objectContaining({ stance: "supports", redLine: false }));
      const csv = await (await csvResponse(cookie)).text();
      expect(csv).not.toMatch(/red line/i);
    }
    const officialCount = (
      (await call(issuesLoader, get("/issues", await cookieFor("official@accord.test")))).data as RegisterData
    ).rows.find((r) => r.id === id)!.position_count;
    const irelCount = (
      (await call(issuesLoader, get("/issues", await cookieFor("irel@accord.test")))).data as RegisterData
    ).rows.find((r) => r.id === id)!.position_count;
    const counterpartCount = (
      (await call(issuesLoader, get("/issues", await cookieFor("counterpart@accord.test")))).data as RegisterData
    ).rows.find((r) => r.id === id)!.position_count;
    expect(officialCount - irelCount).toBe(1); // the red line
    expect(irelCount - counterpartCount).toBe(1); // DAE's internal position
  });

  it("keeps internal positions of a shared issue from counterparts", async () => {
    const id = await issueId(PHASE_DOWN);
    const ctx = await demoData();
    const page = (await call(issueLoader, get(`/issues/${id}`, await cookieFor("counterpart@accord.test")), { issueId: id }))
      .data as IssueData;
    expect(page.parties.find((p) => p.id === ctx.org.dae)?.current).toBeNull();
    expect(page.timeline.every((p) => p.visibility === "shared")).toBe(true);
    const irel = (await call(issueLoader, get(`/issues/${id}`, await cookieFor("irel@accord.test")), { issueId: id }))
      .data as IssueData;
    expect(irel.parties.find((p) => p.id === ctx.org.dae)?.current?.stance).toBe("conditional");
  });
});

async function csvResponse(cookie: string, query = ""): Promise<Response> {
  const res = await csvLoader({ request: get(`/positions.csv${query}`, cookie), params: {}, context: {} } as never);
  return res as Response;
}

describe("the CSV export", () => {
  it("follows the same scope as the matrix", async () => {
    const official = await (await csvResponse(await cookieFor("official@accord.test"))).text();
    const counterpart = await csvResponse(await cookieFor("counterpart@accord.test"));
    expect(counterpart.headers.get("Content-Type")).toMatch(/text\/csv/);
    const text = await counterpart.text();
    expect(official).toContain(DOMESTIC);
    expect(text).not.toContain(DOMESTIC);
    expect(text).toContain(PHASE_DOWN);
    const industry = await (await csvResponse(await cookieFor("industry@accord.test"))).text();
    expect(industry.trim().split("\n")).toHaveLength(3); // header and the two issues SIAM is party to
  });
});

describe("recording positions", () => {
  it("lets a counterpart record its own organization's position, superseding the previous one in place of nothing", async () => {
    const ctx = await demoData();
    const id = await issueId(BINDING);
    const cookie = await cookieFor("counterpart@accord.test");
    // Toyotsu's positions on the issue, oldest first.
    const toyotsuPositions = () =>
      getDb()
        .selectFrom("positions")
        .selectAll()
        .where("issue_id", "=", id)
        .where("organization_id", "=", ctx.org.toyotsu)
        .orderBy("stated_on")
        .execute();
    const before = await toyotsuPositions();
    const res = await call(
      issueAction,
      post(
        `/issues/${id}`,
        positionForm(ctx.org.toyotsu, {
          stance: "neutral",
          statement: "Toyotsu will discuss the terms if compensation is on the table.",
        }),
        cookie,
      ),
      { issueId: id },
    );
    expect(res.status).toBe(200);
    const after = await toyotsuPositions();
    expect(after).toHaveLength(before.length + 1);
    // Append-only: the earlier positions are exactly as they were.
    expect(after.slice(0, before.length)).toEqual(before);
    const page = (await call(issueLoader, get(`/issues/${id}`, cookie), { issueId: id })).data as IssueData;
    expect(page.parties.find((p) => p.id === ctx.org.toyotsu)?.current?.stance).toBe("neutral");
    const toyotsuHistory = page.timeline.filter((p) => p.organizationShortName === "TREI");
    expect(toyotsuHistory.map((p) => p.current)).toEqual([true, ...before.map(() => false)]);
    const audit = await getDb()
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_id", "=", after[after.length - 1]!.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("position.record");
    expect(JSON.parse(audit.before_json!).id).toBe(before[before.length - 1]!.id);
  });

  it("lets SIAM record its own position on an issue it is party to", async () => {
    const ctx = await demoData();
    const shared = await issueId(PHASE_DOWN);
    const before = await positionCount();
    const res = await call(
      issueAction,
      post(
        `/issues/${shared}`,
        positionForm(ctx.org.siam, { statement: "SIAM members need a fixed domestic share." }),
        await cookieFor("industry@accord.test"),
      ),
      { issueId: shared },
    );
    expect(res.status).toBe(200);
    expect(await positionCount()).toBe(before + 1);
  });

  it("refuses, with 4xx and nothing stored, what the user may not record", async () => {
    const ctx = await demoData();
    const shared = await issueId(PHASE_DOWN);
    const internal = await issueId(DOMESTIC);
    const counterpart = await cookieFor("counterpart@accord.test");
    const official = await cookieFor("official@accord.test");
    const irel = await cookieFor("irel@accord.test");
    const badFields: [field: string, value: string][] = [
      ["stance", "furious"],
      ["flexibility", "elastic"],
      ["statement", "   "],
      ["statement", "x".repeat(4001)],
      ["visibility", "internal"],
      ["redLine", "on"],
      ["statedOn", "2999-01-01"],
      ["sourceConsultationId", "nope"],
    ];
    const cases: { cookie: string; issue: string; form: Record<string, string>; status: number; field?: string }[] = [
      { cookie: counterpart, issue: shared, form: positionForm(ctx.org.meti), status: 400, field: "organizationId" },
      { cookie: counterpart, issue: internal, form: positionForm(ctx.org.toyotsu), status: 404 },
      // The counterpart's own organization on a shared issue, refused on the one bad field.
      ...badFields.map(([field, value]) => ({
        cookie: counterpart,
        issue: shared,
        form: positionForm(ctx.org.toyotsu, { [field]: value }),
        status: 400,
        field,
      })),
      { cookie: official, issue: shared, form: positionForm(ctx.org.meti), status: 400, field: "organizationId" },
      { cookie: official, issue: shared, form: positionForm(ctx.org.elcina), status: 400, field: "organizationId" },
      { cookie: irel, issue: shared, form: positionForm(ctx.org.moci), status: 400, field: "organizationId" },
      {
        cookie: irel,
        issue: shared,
        form: positionForm(ctx.org.irel, { redLine: "on", visibility: "internal" }),
        status: 400,
        field: "redLine",
      },
      { cookie: await cookieFor("diplomat@accord.test"), issue: shared, form: positionForm(ctx.org.moci), status: 404 },
      // SIAM speaks for itself only.
      {
        cookie: await cookieFor("industry@accord.test"),
        issue: shared,
        form: positionForm(ctx.org.moci),
        status: 400,
        field: "organizationId",
      },
      {
        cookie: await cookieFor("industry@accord.test"),
        issue: shared,
        form: positionForm(ctx.org.siam, { visibility: "internal" }),
        status: 400,
        field: "visibility",
      },
    ];
    for (const c of cases) {
      const before = await positionCount();
      const res = await call(issueAction, post(`/issues/${c.issue}`, c.form, c.cookie), { issueId: c.issue });
      expect(res.status, JSON.stringify(c.form)).toBe(c.status);
      if (c.field) expect(Object.keys((res.data as { fieldErrors: Record<string, string> }).fieldErrors)).toContain(c.field);
      expect(await positionCount()).toBe(before);
    }
  });

  it("makes an official's red line restricted whatever visibility was posted", async () => {
    const ctx = await demoData();
    const id = await issueId(VOLUMES);
    const res = await call(
      issueAction,
      post(
        `/issues/${id}`,
        positionForm(ctx.org.moci, {
          stance: "supports",
          statement: "No more than 400 t in FY2027-28.",
          redLine: "on",
          visibility: "shared",
          statedOn: "2026-11-29",
        }),
        await cookieFor("official@accord.test"),
      ),
      { issueId: id },
    );
    expect(res.status).toBe(200);
    const row = await getDb()
      .selectFrom("positions")
      .selectAll()
      .where("issue_id", "=", id)
      .where("red_line", "=", 1)
      .executeTakeFirstOrThrow();
    expect(row.visibility).toBe("restricted");
    const counterpartView = (
      await call(issueLoader, get(`/issues/${id}`, await cookieFor("counterpart@accord.test")), { issueId: id })
    ).data as IssueData;
    expect(counterpartView.timeline.some((p) => p.id === row.id)).toBe(false);
  });
});

describe("the matrix as of a date and its convergence figures", () => {
  it("shows each party's stance as it stood on the chosen date", async () => {
    const ctx = await demoData();
    const id = await issueId(PHASE_DOWN);
    const cookie = await cookieFor("official@accord.test");
    const then = (await call(matrixLoader, get("/positions?asOf=2025-08-01", cookie))).data as MatrixData & { asOf: string };
    expect(then.asOf).toBe("2025-08-01");
    const past = then.matrix.rows.find((r) => r.id === id)!;
    expect(past.cells[ctx.org.toyotsu]?.stance).toBe("opposes");
    expect(past.cells[ctx.org.meti]?.stance).toBe("opposes");
    const before = (await call(matrixLoader, get("/positions?asOf=2025-03-15", cookie))).data as MatrixData;
    const early = before.matrix.rows.find((r) => r.id === id)!;
    expect(early.cells[ctx.org.moci]?.stance).toBe("supports");
    expect(early.cells[ctx.org.toyotsu]).toBeNull();
  });

  it("reports an invalid or future date and shows today instead", async () => {
    const cookie = await cookieFor("official@accord.test");
    const bad = (await call(matrixLoader, get("/positions?asOf=yesterday", cookie))).data as {
      dateError: string;
      asOf: string;
      today: string;
    };
    expect(bad.dateError).toMatch(/date like/);
    expect(bad.asOf).toBe(bad.today);
    const future = (await call(matrixLoader, get("/positions?asOf=2999-01-01", cookie))).data as { dateError: string };
    expect(future.dateError).toMatch(/future/);
  });

  it("pages through issues by title without repeating one", async () => {
    const user = await sessionUserFor("official@accord.test");
    const seen: string[] = [];
    let cursor = null;
    do {
      const page: Awaited<ReturnType<typeof listIssues>> = await listIssues(getDb(), user, {}, cursor, 2);
      seen.push(...page.rows.map((r) => r.title));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(DEMO_ISSUES.map((d) => d.title)));
  });
});

describe("the issue register", () => {
  it("lets officials create and edit issues, refusing bad input and stale edits", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("official@accord.test");
    expect((await call(newIssueLoader, get("/issues/new", await cookieFor("counterpart@accord.test")))).status).toBe(404);
    expect((await call(newIssueLoader, get("/issues/new", await cookieFor("diplomat@accord.test")))).status).toBe(404);
    const form = {
      title: "Stockpile of dysprosium oxide",
      description: "",
      status: "open",
      priority: "low",
      visibility: "shared",
      parties: [ctx.org.moci, ctx.org.toyotsu],
    };
    const count = () => countRows("issues");
    const n = await count();
    expect((await call(newIssueAction, post("/issues/new", { ...form, status: "stalled" }, cookie))).status).toBe(400);
    expect((await call(newIssueAction, post("/issues/new", { ...form, title: "" }, cookie))).status).toBe(400);
    expect((await call(newIssueAction, post("/issues/new", { ...form, parties: [] }, cookie))).status).toBe(400);
    expect((await call(newIssueAction, post("/issues/new", { ...form, parties: ["nope"] }, cookie))).status).toBe(400);
    expect((await call(newIssueAction, post("/issues/new", form, await cookieFor("counterpart@accord.test")))).status).toBe(404);
    expect(await count()).toBe(n);

    const created = await call(newIssueAction, post("/issues/new", form, cookie));
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.split("/").pop()!;
    const edit = { ...form, status: "converging", version: "1" };
    expect((await call(editAction, post(`/issues/${id}/edit`, edit, cookie), { issueId: id })).status).toBe(200);
    const stale = await call(editAction, post(`/issues/${id}/edit`, { ...edit, title: "Stale title" }, cookie), { issueId: id });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ values: { title: "Stale title" } });
    expect(
      (await call(editAction, post(`/issues/${id}/edit`, { intent: "archive", version: "2" }, cookie), { issueId: id })).status,
    ).toBe(200);
    const register = (await call(issuesLoader, get("/issues", cookie))).data as RegisterData;
    expect(register.rows.some((r) => r.id === id)).toBe(false);
    const withArchived = (await call(issuesLoader, get("/issues?archived=1", cookie))).data as RegisterData;
    expect(withArchived.rows.some((r) => r.id === id)).toBe(true);
    const actions = await getDb()
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", id)
      .orderBy("at")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(["issue.archive", "issue.create", "issue.status_change"]);
  });
});

describe("assessments", () => {
  it("lets diplomats write them and keeps them on the Indian side", async () => {
    const id = await issueId(PHASE_DOWN);
    const form = {
      intent: "assessment",
      assessedOn: "2026-11-30",
      risk: "low",
      summary: "Toyotsu's shift makes a joint statement possible.",
      recommendation: "Table the three-year schedule.",
      visibility: "internal",
    };
    const count = () => countRows("assessments");
    const n = await count();
    expect(
      (await call(issueAction, post(`/issues/${id}`, form, await cookieFor("official@accord.test")), { issueId: id })).status,
    ).toBe(404);
    expect(
      (
        await call(issueAction, post(`/issues/${id}`, { ...form, risk: "severe" }, await cookieFor("diplomat@accord.test")), {
          issueId: id,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(
          issueAction,
          post(`/issues/${id}`, { ...form, visibility: "shared" }, await cookieFor("diplomat@accord.test")),
          { issueId: id },
        )
      ).status,
    ).toBe(400);
    expect(await count()).toBe(n);
    expect(
      (await call(issueAction, post(`/issues/${id}`, form, await cookieFor("diplomat@accord.test")), { issueId: id })).status,
    ).toBe(200);
    const diplomat = (await call(issueLoader, get(`/issues/${id}`, await cookieFor("diplomat@accord.test")), { issueId: id }))
      .data as IssueData;
    expect(diplomat.assessments).toHaveLength(1);
    const counterpart = (
      await call(issueLoader, get(`/issues/${id}`, await cookieFor("counterpart@accord.test")), { issueId: id })
    ).data as IssueData;
    expect(counterpart.assessments).toHaveLength(0);

    const whole = { ...form, intent: "" };
    expect((await call(matrixAction, post("/positions", whole, await cookieFor("counterpart@accord.test")))).status).toBe(404);
    expect((await call(matrixAction, post("/positions", whole, await cookieFor("diplomat@accord.test")))).status).toBe(200);
    const irelView = (await call(matrixLoader, get("/positions", await cookieFor("irel@accord.test")))).data as {
      assessments: { summary: string }[];
    };
    expect(irelView.assessments.map((a) => a.summary)).toContain(form.summary);
    const counterpartView = (await call(matrixLoader, get("/positions", await cookieFor("counterpart@accord.test")))).data as {
      assessments: unknown[];
    };
    expect(counterpartView.assessments).toEqual([]);
  });
});

describe("consultations linked to issues", () => {
  it("links a visible consultation and lists each side only to those who may see it", async () => {
    const ctx = await demoData();
    const db = getDb();
    const makeConsultation = (title: string, visibility: "shared" | "internal", orgs: string[]) =>
      insertConsultation(ctx, { title, visibility, orgs, startsAt: "2026-10-14T05:00:00.000Z" });
    const startedAt = new Date().toISOString();
    const bilateral = await makeConsultation("Link test: bilateral round", "shared", [ctx.org.moci, ctx.org.toyotsu]);
    const internalMeeting = await makeConsultation("Link test: inter-ministerial", "internal", [ctx.org.moci, ctx.org.mines]);
    const shared = await issueId(PHASE_DOWN);
    const internal = await issueId(DOMESTIC);
    const official = await cookieFor("official@accord.test");
    for (const [issue, consultation] of [
      [shared, bilateral],
      [shared, internalMeeting],
      [internal, bilateral],
    ] as const) {
      expect(
        (
          await call(issueAction, post(`/issues/${issue}`, { intent: "link", consultationId: consultation }, official), {
            issueId: issue,
          })
        ).status,
      ).toBe(200);
    }
    expect(
      (
        await call(issueAction, post(`/issues/${shared}`, { intent: "link", consultationId: "nope" }, official), {
          issueId: shared,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(
          issueAction,
          post(`/issues/${shared}`, { intent: "link", consultationId: bilateral }, await cookieFor("counterpart@accord.test")),
          { issueId: shared },
        )
      ).status,
    ).toBe(404);

    const titlesOn = async (email: string) =>
      (
        (await call(issueLoader, get(`/issues/${shared}`, await cookieFor(email)), { issueId: shared })).data as {
          consultations: { title: string }[];
        }
      ).consultations.map((c) => c.title);
    expect(await titlesOn("official@accord.test")).toEqual(
      expect.arrayContaining(["Link test: bilateral round", "Link test: inter-ministerial"]),
    );
    // The demo data links consultations of its own; these are this test's.
    expect((await titlesOn("counterpart@accord.test")).filter((t) => t.startsWith("Link test:"))).toEqual([
      "Link test: bilateral round",
    ]);

    const issuesOf = async (email: string, consultation: string) =>
      (await listIssuesForConsultation(db, await sessionUserFor(email), consultation)).map((i) => i.title);
    expect(await issuesOf("official@accord.test", bilateral)).toEqual([DOMESTIC, PHASE_DOWN]);
    expect(await issuesOf("counterpart@accord.test", bilateral)).toEqual([PHASE_DOWN]);
    expect(await issuesOf("counterpart@accord.test", internalMeeting)).toEqual([]);
    expect(await issuesOf("meti@accord.test", bilateral)).toEqual([]);

    expect(
      (
        await call(issueAction, post(`/issues/${shared}`, { intent: "unlink", consultationId: internalMeeting }, official), {
          issueId: shared,
        })
      ).status,
    ).toBe(200);
    expect(await issuesOf("official@accord.test", internalMeeting)).toEqual([]);
    const audit = await db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", shared)
      .where("action", "like", "issue.%link%")
      .where("at", ">=", startedAt)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "issue.link_consultation",
      "issue.link_consultation",
      "issue.unlink_consultation",
    ]);
  });
});
