import { describe, expect, it } from "vitest";

import { consultationListQuery, listFollowUpActions, listMatches } from "~/models/consultations.server";
import { action as actionsAction, loader as actionsLoader } from "~/routes/actions";
import { loader as listLoader } from "~/routes/consultations._index";
import { action as recordAction, loader as recordLoader } from "~/routes/consultations.$id";
import { action as editAction, loader as editLoader } from "~/routes/consultations.$id_.edit";
import { loader as csvLoader } from "~/routes/consultations.export[.csv]";
import { action as newAction, loader as newLoader } from "~/routes/consultations.new";
import { loader as searchLoader } from "~/routes/search";
import { neutraliseFormula } from "~/utils/csv.server";
import { decodeCursor, encodeCursor, type Cursor } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";
import { ONE_ACCOUNT_PER_ROLE } from "~db/seed/accounts";
import { explainQueryPlan } from "~db/sql";

import { consultationEditForm } from "./factories";
import { call, cookieFor, countRows, demoData, get, post, sessionUserFor } from "./fixtures";

const T = {
  review2024: "IREL–Toyotsu technical review of 2024 shipments to Japan",
  minister: "Commerce Minister's meeting with automotive and electronics executives",
  interMinisterial: "Inter-ministerial meeting of Commerce, Mines, Atomic Energy and External Affairs",
  restricted: "Restricted note on India's fall-back options",
  meti: "Meeting with METI on rare-earth supply cooperation",
  incentive: "Industry consultation on the magnet-manufacturing incentive scheme",
  phaseDown: "Bilateral review with METI and Toyotsu of the phase-down schedule",
  archived: "Preparatory call on the 2024 shipment calendar (entered twice)",
  metiJapanese: "経済産業省との実務者協議：レアアース供給の移行期間について",
  siamHindi: "SIAM के साथ दुर्लभ मृदा चुंबकों की माँग पर परामर्श",
};

async function idOf(title: string): Promise<string> {
  await demoData();
  return (await getDb().selectFrom("consultations").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
}

type ListData = { rows: { id: string; title: string }[]; nextHref: string | null };

async function allTitles(email: string, query = ""): Promise<string[]> {
  const cookie = await cookieFor(email);
  const titles: string[] = [];
  let href: string | null = `/consultations${query}`;
  while (href) {
    const res = await call(listLoader, get(href, cookie));
    expect(res.status).toBe(200);
    const d = res.data as ListData;
    titles.push(...d.rows.map((r) => r.title));
    href = d.nextHref;
  }
  return titles;
}

async function count(table: "consultations" | "follow_up_actions" | "comments"): Promise<number> {
  return countRows(table);
}

describe("who sees which consultation", () => {
  it("gives officials, diplomats and admins everything but archived, newest first", async () => {
    for (const email of ["official@accord.test", "diplomat@accord.test", "admin@accord.test"]) {
      const titles = await allTitles(email);
      expect(titles, email).toContain(T.restricted);
      expect(titles).toContain(T.interMinisterial);
      expect(titles).not.toContain(T.archived);
      expect(titles.length).toBeGreaterThanOrEqual(14);
    }
  });

  it("gives IREL shared and internal, never restricted", async () => {
    const titles = await allTitles("irel@accord.test");
    expect(titles).toContain(T.interMinisterial);
    expect(titles).toContain(T.meti);
    expect(titles).not.toContain(T.restricted);
    expect(
      (
        await call(recordLoader, get(`/consultations/${await idOf(T.restricted)}`, await cookieFor("irel@accord.test")), {
          id: await idOf(T.restricted),
        })
      ).status,
    ).toBe(404);
  });

  it("gives external users only the shared consultations their organization attended", async () => {
    expect((await allTitles("counterpart@accord.test")).sort()).toEqual(
      [
        "IREL–Toyotsu technical review of 2023 oxide shipments",
        "IREL–Toyotsu technical review of first-half 2024 shipments",
        T.review2024,
        "Bilateral opening session with Toyotsu on the 2012 arrangement",
        "IREL–Toyotsu technical review of transition-period volumes",
        T.phaseDown,
      ].sort(),
    );
    expect((await allTitles("meti@accord.test")).sort()).toEqual([T.phaseDown, T.meti, T.metiJapanese].sort());
    expect((await allTitles("industry@accord.test")).sort()).toEqual([T.minister, T.incentive, T.siamHindi].sort());
    expect((await allTitles("elcina@accord.test")).sort()).toEqual([T.minister, T.incentive].sort());
  });

  it("answers 404 at the URL of anything an external user may not see", async () => {
    const cookie = await cookieFor("counterpart@accord.test");
    for (const title of [T.interMinisterial, T.restricted, T.meti, T.minister]) {
      const id = await idOf(title);
      expect((await call(recordLoader, get(`/consultations/${id}`, cookie), { id })).status, title).toBe(404);
      expect((await call(editLoader, get(`/consultations/${id}/edit`, cookie), { id })).status, title).toBe(404);
    }
    const id = await idOf(T.review2024);
    const ok = await call(recordLoader, get(`/consultations/${id}`, cookie), { id });
    expect(ok.status).toBe(200);
    expect(ok.data.canEdit).toBe(false);
    expect(ok.data.history).toBeNull();
  });

  it("leaves invisible consultations out of search, CSV and the actions list", async () => {
    const cookie = await cookieFor("counterpart@accord.test");
    const search = await call(searchLoader, get("/search?q=Cabinet", cookie));
    expect(search.data.hits).toEqual([]);
    const officialSearch = await call(searchLoader, get("/search?q=Cabinet", await cookieFor("official@accord.test")));
    expect(officialSearch.data.hits.map((h) => h.title)).toContain(T.restricted);

    const csv = await call(csvLoader, get("/consultations/export.csv", cookie));
    expect(csv.status).toBe(200);
    const text = await (
      (await csvLoader({
        request: get("/consultations/export.csv", cookie),
        params: {},
        context: { nonce: "test", clientAddress: "127.0.0.1" },
      })) as Response
    ).text();
    expect(text).toContain(T.review2024);
    // Toyotsu Rare Earths India is an Indian company (decision 016): its reader's own zone is
    // India's, so UTC and IST first, then the meeting's IST and JST.
    expect(text.split("\n")[0]).toBe(
      "id,title,starts_at_utc,starts_at_Asia/Kolkata,starts_ist,starts_jst,time_zone_entered,kind,mode,visibility,location,participants,archived_at_utc,archived_at_Asia/Kolkata",
    );
    expect(text).toContain("2025-01-22T05:00:00.000Z,2025-01-22 10:30,2025-01-22 10:30,2025-01-22 14:00,Asia/Kolkata");
    expect(text).not.toContain("METI on rare-earth");
    expect(text).not.toContain("fall-back");
    expect(text.trim().split("\n")).toHaveLength(7);

    const actions = await call(actionsLoader, get("/actions?status=all", cookie));
    const descriptions = actions.data.rows.map((r) => r.description);
    expect(descriptions).toContain("Confirm customers' minimum volumes in writing");
    expect(descriptions).not.toContain("Seek Cabinet Secretariat's view on option 3");
    expect(descriptions).not.toContain("Share Japan's assessment of alternative supply sources");
  });

  it("filters by organization, kind, visibility, dates and words, and pages by cursor", async () => {
    const ctx = await demoData();
    expect((await allTitles("official@accord.test", `?org=${ctx.org.meti}`)).sort()).toEqual(
      [T.phaseDown, T.meti, T.metiJapanese].sort(),
    );
    expect(await allTitles("official@accord.test", "?visibility=restricted")).toEqual([T.restricted]);
    expect(await allTitles("official@accord.test", "?kind=industry_consultation&from=2026-01-01")).toEqual([T.incentive]);
    expect(await allTitles("official@accord.test", "?from=2025-06-10&to=2025-06-10")).toEqual([T.minister]);
    // 19 Aug 2025, 10:00 in Tokyo is 06:30 that day in India.
    expect(await allTitles("official@accord.test", "?from=2025-08-19&to=2025-08-19")).toEqual([T.meti]);
    expect(await allTitles("official@accord.test", "?from=2025-08-20&to=2025-08-31")).toEqual([]);
    expect(await allTitles("official@accord.test", "?q=incentive%20schemes")).toContain(T.minister);
    expect(await allTitles("official@accord.test", "?archived=only")).toEqual([T.archived]);
    expect(
      (await call(listLoader, get("/consultations?visibility=secret", await cookieFor("official@accord.test")))).status,
    ).toBe(400);

    const cookie = await cookieFor("official@accord.test");
    const first = (await call(listLoader, get("/consultations", cookie))).data as ListData;
    expect(first.rows.every((r) => r.id.length > 0)).toBe(true);
    // With 25 a page, the demo data fits one page; the cursor is still honoured.
    const last = first.rows[first.rows.length - 1]!;
    const db = getDb();
    const row = await db
      .selectFrom("consultations")
      .select(["starts_at", "id"])
      .where("id", "=", last.id)
      .executeTakeFirstOrThrow();
    const after = (
      await call(listLoader, get(`/consultations?cursor=${encodeCursor({ key: row.starts_at, id: row.id })}`, cookie))
    ).data as ListData;
    expect(after.rows).toEqual([]);
  });
});

describe("CSV export", () => {
  it("keeps spreadsheet formulas from running", () => {
    expect(neutraliseFormula('=HYPERLINK("https://evil.example")')).toBe('\'=HYPERLINK("https://evil.example")');
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("-2+3")).toBe("'-2+3");
    expect(neutraliseFormula("IREL review")).toBe("IREL review");
    expect(neutraliseFormula("2026-01-01T00:00:00.000Z")).toBe("2026-01-01T00:00:00.000Z");
  });
});

// SQLite query plans; PostgreSQL's planner rightly prefers a sequential scan of a demo-sized table.
describe.skipIf(process.env.ACCORD_TEST_DIALECT === "postgres")("the list query uses indexes", () => {
  it("walks an index in order for every user, probing participation by key for external ones", async () => {
    const db = getDb();
    const plan = async (email: string, filter = {}, cursor: Cursor | null = null) =>
      explainQueryPlan(db, consultationListQuery(db, await sessionUserFor(email), filter, cursor).limit(26));
    const noTableScan = (lines: string[]) =>
      expect(lines.filter((l) => /^SCAN c\b/.test(l) && !/USING (COVERING )?INDEX/.test(l))).toEqual([]);

    for (const email of ["official@accord.test", "irel@accord.test"]) {
      const lines = await plan(email);
      noTableScan(lines);
      expect(lines.join("\n"), email).toMatch(/consultations_starts_idx/);
      expect(lines.join("\n"), email).not.toMatch(/TEMP B-TREE/);
      const paged = await plan(email, {}, { key: "2025-01-01T00:00:00.000Z", id: "x" });
      expect(paged.join("\n")).toMatch(/SEARCH c USING INDEX consultations_starts_idx \(\(starts_at,id\)<\(\?,\?\)\)/);
    }
    for (const email of ["counterpart@accord.test", "industry@accord.test"]) {
      const lines = await plan(email);
      noTableScan(lines);
      expect(lines.join("\n")).toMatch(/SEARCH c USING INDEX consultations_visibility_starts_idx \(visibility=\?\)/);
      // Participation is probed by key for each row reached, never built in full (decision 012).
      expect(lines.join("\n")).toMatch(/SEARCH cp EXISTS USING COVERING INDEX \w+ \(consultation_id=\? AND organization_id=\?\)/);
      expect(lines.join("\n")).not.toMatch(/LIST SUBQUERY/);
      expect(lines.join("\n")).not.toMatch(/TEMP B-TREE/);
    }
    const ctx = await demoData();
    noTableScan(await plan("official@accord.test", { org: ctx.org.meti }));
    noTableScan(await plan("official@accord.test", { kind: "technical", from: "2024-01-01", to: "2025-01-01" }));
  });
});

describe("the list's word filter", () => {
  it("lists the same consultations whether it reads the matches by id or probes each row, for every role", async () => {
    const db = getDb();
    const emails = [...ONE_ACCOUNT_PER_ROLE, "meti@accord.test"];
    let listed = 0;
    for (const email of emails) {
      const user = await sessionUserFor(email);
      for (const q of ["neodymium", "oxide", "Cabinet", "praseodymium", "IREL", "incentive schemes", "nowhere-word"]) {
        const matches = await listMatches(db, q);
        expect(matches, q).not.toBe("many");
        for (const archived of ["exclude", "include"] as const) {
          const ids = (query: ReturnType<typeof consultationListQuery>) =>
            query
              .limit(26)
              .execute()
              .then((rows) => rows.map((r) => r.id));
          const byId = await ids(consultationListQuery(db, user, { q, archived }, null, matches));
          const probed = await ids(consultationListQuery(db, user, { q, archived }, null, "many"));
          expect(byId, `${email} ${q}`).toEqual(probed);
          listed += byId.length;
        }
      }
    }
    expect(listed).toBeGreaterThan(20);
  });

  // SQLite query plans; PostgreSQL's planner rightly prefers a sequential scan of a demo-sized table.
  it.skipIf(process.env.ACCORD_TEST_DIALECT === "postgres")(
    "looks a few matches up by key, and probes the search index by key for many, never building every match",
    async () => {
      const db = getDb();
      for (const email of ["official@accord.test", "counterpart@accord.test"]) {
        const user = await sessionUserFor(email);
        const few = (
          await explainQueryPlan(db, consultationListQuery(db, user, { q: "oxide" }, null, { ids: ["a", "b"] }).limit(26))
        ).join("\n");
        expect(few, email).toMatch(/SEARCH c USING INDEX sqlite_autoindex_consultations_1 \(id=\?\)/);
        const many = (await explainQueryPlan(db, consultationListQuery(db, user, { q: "oxide" }, null, "many").limit(26))).join(
          "\n",
        );
        expect(many, email).toMatch(
          /SEARCH c USING INDEX consultations_(visibility_)?starts_idx|SCAN c USING INDEX consultations_starts_idx/,
        );
        expect(many, email).toMatch(/consultation_search (EXISTS )?VIRTUAL TABLE INDEX 0:=M/);
        expect(many, email).not.toMatch(/LIST SUBQUERY|TEMP B-TREE/);
      }
    },
  );
});

const validForm = async () => {
  const ctx = await demoData();
  return {
    title: "Working group on NdPr oxide allocation",
    startsLocal: "2026-11-30T15:00",
    timeZone: "Asia/Tokyo",
    mode: "video",
    kind: "technical",
    location: "Video conference",
    participants: [ctx.org.irel, ctx.org.toyotsu],
    agenda: "Allocation of NdPr oxide",
    notes: "Discussed the **praseodymium** split.",
    outcome: "Split agreed in principle.",
    visibility: "shared",
    "actions.0.description": "Circulate the split table",
    "actions.0.ownerOrganizationId": ctx.org.irel,
    "actions.0.dueDate": "2026-12-05",
    "actions.0.status": "open",
    "actions.1.description": "",
    "actions.1.ownerOrganizationId": "",
    "actions.1.dueDate": "",
    "actions.1.status": "open",
  } as Record<string, string | string[]>;
};

describe("recording a consultation", () => {
  it("refuses bad input with a message next to the field and stores nothing", async () => {
    const cookie = await cookieFor("official@accord.test");
    const base = await validForm();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ ...base, title: "  " }, "title"],
      [{ ...base, startsLocal: "31/02/2026 25:00" }, "startsLocal"],
      [{ ...base, startsLocal: "2026-02-31T10:00" }, "startsLocal"],
      [{ ...base, participants: [] }, "participants"],
      [{ ...base, participants: ["no-such-org"] }, "participants"],
      [{ ...base, visibility: "secret" }, "visibility"],
      [{ ...base, title: "x".repeat(201) }, "title"],
      [{ ...base, notes: "n".repeat(100_001) }, "notes"],
      [{ ...base, timeZone: "Mars/Olympus" }, "timeZone"],
      [{ ...base, "actions.0.ownerOrganizationId": "nope" }, "actions.0.ownerOrganizationId"],
      [{ ...base, "actions.0.dueDate": "soon" }, "actions.0.dueDate"],
      [{ ...base, "actions.0.description": "" }, "actions.0.description"],
    ];
    const before = await count("consultations");
    const actionsBefore = await count("follow_up_actions");
    for (const [form, field] of cases) {
      const res = await call(newAction, post("/consultations/new", form, cookie));
      expect(res.status, field).toBe(400);
      expect(Object.keys((res.data as { fieldErrors: Record<string, string> }).fieldErrors), field).toContain(field);
    }
    expect(await count("consultations")).toBe(before);
    expect(await count("follow_up_actions")).toBe(actionsBefore);
  });

  it("saves a valid one once, with its actions, audit and search entry, and refuses a duplicate submit", async () => {
    const cookie = await cookieFor("official@accord.test");
    const form: Record<string, string | string[]> = { ...(await validForm()), submissionKey: "key-duplicate-test" };
    const res = await call(newAction, post("/consultations/new", form, cookie));
    expect(res.status).toBe(302);
    const id = res.headers.get("Location")!.split("/").pop()!;
    const again = await call(newAction, post("/consultations/new", form, cookie));
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ existingId: id });
    expect(
      await getDb()
        .selectFrom("consultations")
        .select("id")
        .where("title", "=", form.title as string)
        .execute(),
    ).toHaveLength(1);

    const row = await getDb().selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.starts_at).toBe("2026-11-30T06:00:00.000Z");
    expect(row.time_zone).toBe("Asia/Tokyo");
    const actions = await getDb().selectFrom("follow_up_actions").selectAll().where("consultation_id", "=", id).execute();
    expect(actions.map((a) => a.description)).toEqual(["Circulate the split table"]);
    const audit = await getDb().selectFrom("audit_events").selectAll().where("entity_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toEqual(["consultation.create"]);

    const hits = await call(searchLoader, get("/search?q=praseodymium", cookie));
    expect(hits.data.hits.map((h) => h.id)).toEqual([id]);
    const counterpartHits = await call(searchLoader, get("/search?q=praseodymium", await cookieFor("counterpart@accord.test")));
    expect(counterpartHits.data.hits.map((h) => h.id)).toEqual([id]);
    expect((await call(searchLoader, get("/search?q=praseodymium", await cookieFor("meti@accord.test")))).data).toMatchObject({
      hits: [],
    });
  });

  it("lets IREL record only consultations it takes part in, and never restricted ones", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("irel@accord.test");
    expect((await call(newLoader, get("/consultations/new", cookie))).status).toBe(200);
    const base = { ...(await validForm()), title: "IREL-only check" };
    const without = await call(newAction, post("/consultations/new", { ...base, participants: [ctx.org.moci] }, cookie));
    expect(without.status).toBe(400);
    expect((without.data as { fieldErrors: Record<string, string> }).fieldErrors.participants).toMatch(/IREL must be among/);
    const restricted = await call(newAction, post("/consultations/new", { ...base, visibility: "restricted" }, cookie));
    expect(restricted.status).toBe(400);
    expect((restricted.data as { fieldErrors: Record<string, string> }).fieldErrors.visibility).toBeTruthy();
    expect(await getDb().selectFrom("consultations").select("id").where("title", "=", "IREL-only check").execute()).toEqual([]);
  });

  it("does not let diplomats, counterparts or industry record consultations", async () => {
    for (const email of ["diplomat@accord.test", "counterpart@accord.test", "industry@accord.test"]) {
      const cookie = await cookieFor(email);
      expect((await call(newLoader, get("/consultations/new", cookie))).status, email).toBe(404);
      expect(
        (await call(newAction, post("/consultations/new", { ...(await validForm()), title: `by ${email}` }, cookie))).status,
        email,
      ).toBe(404);
    }
  });

  it("treats typed search syntax as plain words and never fails", async () => {
    const cookie = await cookieFor("official@accord.test");
    for (const q of [
      "oxide ".repeat(100),
      '"unbalanced',
      "magnet*",
      "NEAR(oxide plant",
      "title:IREL",
      "notes: OR AND NOT",
      "(((",
      "^",
      '""',
      "-neodymium",
      "{a b}:c",
    ]) {
      const res = await call(searchLoader, get(`/search?q=${encodeURIComponent(q)}`, cookie));
      expect(res.status, q).toBe(200);
      const list = await call(listLoader, get(`/consultations?q=${encodeURIComponent(q)}`, cookie));
      expect(list.status, q).toBe(200);
    }
    const hits = (await call(searchLoader, get(`/search?q=${encodeURIComponent('"neodymium')}`, cookie))).data as {
      hits: { title: string; snippet: { text: string; hit: boolean }[] }[];
    };
    expect(hits.hits.length).toBeGreaterThan(0);
    expect(hits.hits[0]!.snippet.some((p) => p.hit && /neodymium/i.test(p.text))).toBe(true);
  });
});

describe("editing a consultation", () => {
  const editForm = consultationEditForm;

  it("saves with before and after in the audit, keeps search in step and shows history", async () => {
    const id = await idOf(T.incentive);
    const cookie = await cookieFor("official@accord.test");
    const form = await editForm(id);
    const res = await call(
      editAction,
      post(`/consultations/${id}/edit`, { ...form, outcome: "Comments extended to March for samarium cobalt magnets." }, cookie),
      { id },
    );
    expect(res.status).toBe(302);
    const audit = await getDb()
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_id", "=", id)
      .where("action", "=", "consultation.update")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!).outcome).toBe("Comments on the draft scheme due within four weeks.");
    expect(JSON.parse(audit.after_json!).outcome).toMatch(/samarium/);
    const hits = (await call(searchLoader, get("/search?q=samarium cobalt", cookie))).data as { hits: { id: string }[] };
    expect(hits.hits.map((h) => h.id)).toContain(id);
    const page = (await call(recordLoader, get(`/consultations/${id}`, cookie), { id })).data as {
      history: { action: string; changes: { field: string }[] }[];
    };
    expect(page.history.map((h) => h.action)).toEqual(["consultation.create", "consultation.update"]);
    expect(page.history[1]!.changes.map((c) => c.field)).toEqual(["outcome"]);
  });

  it("never shows IREL a version of the history that was restricted", async () => {
    const id = await idOf(T.restricted);
    const official = await cookieFor("official@accord.test");
    const first = await editForm(id);
    expect(
      (
        await call(
          editAction,
          post(
            `/consultations/${id}/edit`,
            { ...first, visibility: "internal", notes: "Summary for the wider Indian side." },
            official,
          ),
          { id },
        )
      ).status,
    ).toBe(302);
    const second = await editForm(id);
    expect(
      (
        await call(editAction, post(`/consultations/${id}/edit`, { ...second, outcome: "Phase-down preferred." }, official), {
          id,
        })
      ).status,
    ).toBe(302);

    type Page = { history: { action: string; changes: { field: string; before: string; after: string }[] }[] };
    const asIrel = (await call(recordLoader, get(`/consultations/${id}`, await cookieFor("irel@accord.test")), { id }))
      .data as Page;
    expect(asIrel.history.map((h) => h.action)).toEqual(["consultation.update"]);
    // The notes written while restricted never appear; the outcome was internal when it changed.
    expect(JSON.stringify(asIrel.history)).not.toMatch(/Red lines/);
    expect(asIrel.history[0]!.changes.map((c) => c.field)).toEqual(["outcome"]);
    const asOfficial = (await call(recordLoader, get(`/consultations/${id}`, official), { id })).data as Page;
    expect(asOfficial.history.map((h) => h.action)).toEqual([
      "consultation.create",
      "consultation.update",
      "consultation.update",
    ]);
  });

  it("refuses a stale save with 409, echoes the user's text and changes nothing", async () => {
    const id = await idOf(T.phaseDown);
    const cookie = await cookieFor("official@accord.test");
    const first = await editForm(id);
    const second = { ...first };
    expect(
      (await call(editAction, post(`/consultations/${id}/edit`, { ...first, notes: "First editor's notes" }, cookie), { id }))
        .status,
    ).toBe(302);
    const stale = await call(
      editAction,
      post(
        `/consultations/${id}/edit`,
        { ...second, notes: "Second editor's careful notes" },
        await cookieFor("admin@accord.test"),
      ),
      { id },
    );
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({
      values: { notes: "Second editor's careful notes" },
      formError: expect.stringMatching(/Someone else saved/),
    });
    const row = await getDb()
      .selectFrom("consultations")
      .select(["notes", "version"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.notes).toBe("First editor's notes");
  });

  it("answers 404 to a counterpart posting to an edit action, visible or not, and changes nothing", async () => {
    const cookie = await cookieFor("counterpart@accord.test");
    for (const title of [T.interMinisterial, T.review2024]) {
      const id = await idOf(title);
      const before = await getDb().selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      const res = await call(
        editAction,
        post(`/consultations/${id}/edit`, { ...(await editForm(id)), title: "Hijacked" }, cookie),
        { id },
      );
      expect(res.status, title).toBe(404);
      const archive = await call(
        recordAction,
        post(`/consultations/${id}`, { intent: "archive", version: String(before.version) }, cookie),
        { id },
      );
      expect(archive.status, title).toBe(404);
      expect(await getDb().selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirstOrThrow()).toEqual(
        before,
      );
    }
  });

  it("lets IREL edit its own consultations but not others", async () => {
    const cookie = await cookieFor("irel@accord.test");
    const own = await idOf(T.review2024);
    expect((await call(editLoader, get(`/consultations/${own}/edit`, cookie), { id: own })).status).toBe(200);
    const other = await idOf(T.interMinisterial);
    expect((await call(editLoader, get(`/consultations/${other}/edit`, cookie), { id: other })).status).toBe(404);
  });

  it("archives instead of deleting: gone from the default list, still readable", async () => {
    const id = await idOf(T.review2024);
    const cookie = await cookieFor("official@accord.test");
    const { version } = await getDb()
      .selectFrom("consultations")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(
      (await call(recordAction, post(`/consultations/${id}`, { intent: "archive", version: String(version) }, cookie), { id }))
        .status,
    ).toBe(200);
    expect(await allTitles("counterpart@accord.test")).not.toContain(T.review2024);
    expect(await allTitles("counterpart@accord.test", "?archived=include")).toContain(T.review2024);
    expect(
      (await call(recordLoader, get(`/consultations/${id}`, await cookieFor("counterpart@accord.test")), { id })).status,
    ).toBe(200);
    const stale = await call(
      recordAction,
      post(`/consultations/${id}`, { intent: "restore", version: String(version) }, cookie),
      { id },
    );
    expect(stale.status).toBe(409);
    expect(
      (
        await call(recordAction, post(`/consultations/${id}`, { intent: "restore", version: String(version + 1) }, cookie), {
          id,
        })
      ).status,
    ).toBe(200);
  });
});

describe("comments", () => {
  it("lets anyone who sees a consultation comment, never more widely than the record", async () => {
    const id = await idOf(T.phaseDown);
    const counterpart = await cookieFor("counterpart@accord.test");
    const before = await count("comments");
    const tooWide = await call(
      recordAction,
      post(`/consultations/${id}`, { intent: "comment", body: "Try restricted", visibility: "restricted" }, counterpart),
      { id },
    );
    expect(tooWide.status).toBe(400);
    const empty = await call(
      recordAction,
      post(`/consultations/${id}`, { intent: "comment", body: " ", visibility: "shared" }, counterpart),
      { id },
    );
    expect(empty.status).toBe(400);
    expect(await count("comments")).toBe(before);
    expect(
      (
        await call(
          recordAction,
          post(
            `/consultations/${id}`,
            { intent: "comment", body: "TREI agrees to the <script>alert(1)</script> timetable", visibility: "shared" },
            counterpart,
          ),
          { id },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          recordAction,
          post(
            `/consultations/${id}`,
            { intent: "comment", body: "Our red line is the second step.", visibility: "restricted" },
            await cookieFor("official@accord.test"),
          ),
          { id },
        )
      ).status,
    ).toBe(200);

    const seen = async (email: string) =>
      (
        (await call(recordLoader, get(`/consultations/${id}`, await cookieFor(email)), { id })).data as {
          comments: { html: string; visibility: string }[];
        }
      ).comments;
    const asCounterpart = await seen("counterpart@accord.test");
    expect(asCounterpart.map((c) => c.visibility)).toEqual(["shared"]);
    expect(asCounterpart[0]!.html).not.toContain("<script>");
    expect((await seen("irel@accord.test")).some((c) => c.html.includes("red line"))).toBe(false);
    expect((await seen("diplomat@accord.test")).some((c) => c.html.includes("red line"))).toBe(true);

    const internal = await idOf(T.interMinisterial);
    expect(
      (
        await call(
          recordAction,
          post(`/consultations/${internal}`, { intent: "comment", body: "peek", visibility: "shared" }, counterpart),
          { id: internal },
        )
      ).status,
    ).toBe(404);
    const sharedOnInternal = await call(
      recordAction,
      post(
        `/consultations/${internal}`,
        { intent: "comment", body: "too wide", visibility: "shared" },
        await cookieFor("official@accord.test"),
      ),
      { id: internal },
    );
    expect(sharedOnInternal.status).toBe(400);
  });
});

describe("follow-up actions", () => {
  const actionNamed = async (description: string) =>
    getDb().selectFrom("follow_up_actions").selectAll().where("description", "=", description).executeTakeFirstOrThrow();

  it("lists open ones first with overdue ones marked, filtered by owner", async () => {
    const ctx = await demoData();
    const res = await call(actionsLoader, get("/actions?status=all", await cookieFor("official@accord.test")));
    const rows = res.data.rows;
    const firstClosed = rows.findIndex((r) => r.status !== "open");
    expect(rows.slice(firstClosed).every((r) => r.status !== "open")).toBe(true);
    expect(rows.filter((r) => r.overdue).length).toBeGreaterThanOrEqual(3);
    const mines = (await call(actionsLoader, get(`/actions?owner=${ctx.org.mines}`, await cookieFor("official@accord.test"))))
      .data as { rows: { owner_short_name: string }[] };
    expect(mines.rows.length).toBeGreaterThan(0);
    expect(mines.rows.every((r) => r.owner_short_name === "Mines")).toBe(true);
  });

  it("pages by cursor through open, undated and closed actions without repeats or gaps", async () => {
    const user = await sessionUserFor("official@accord.test");
    const db = getDb();
    const ctx = await demoData();
    const consultationId = await idOf(T.minister);
    const now = new Date().toISOString();
    for (const [n, status] of [
      [1, "open"],
      [2, "open"],
      [3, "dropped"],
    ] as const) {
      await db
        .insertInto("follow_up_actions")
        .values({
          id: `undated-${n}`,
          consultation_id: consultationId,
          description: `Undated action ${n}`,
          owner_organization_id: ctx.org.moci,
          due_date: null,
          status,
          completed_at: null,
          position: 10 + n,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const everything = (await listFollowUpActions(db, user, { status: "all" }, null, 1000)).rows.map((r) => r.id);
    for (const size of [1, 2, 3, 7]) {
      const seen: string[] = [];
      let cursor: Cursor | null = null;
      for (let guard = 0; guard < 200; guard++) {
        const page: Awaited<ReturnType<typeof listFollowUpActions>> = await listFollowUpActions(
          db,
          user,
          { status: "all" },
          cursor,
          size,
        );
        expect(page.rows.length).toBeLessThanOrEqual(size);
        seen.push(...page.rows.map((r) => r.id));
        if (!page.next) break;
        cursor = decodeCursor(encodeCursor(page.next));
      }
      expect(seen, `page size ${size}`).toEqual(everything);
    }
    const undatedOpen = everything.indexOf("undated-1");
    const firstClosed = (await listFollowUpActions(db, user, { status: "all" }, null, 1000)).rows.findIndex(
      (r) => r.status !== "open",
    );
    expect(undatedOpen).toBeGreaterThan(-1);
    expect(undatedOpen).toBeLessThan(firstClosed);
    expect(everything.indexOf("undated-3")).toBeGreaterThan(firstClosed - 1);
    const res = await call(actionsLoader, get("/actions?status=all", await cookieFor("official@accord.test")));
    expect(res.data.nextHref).toBeNull();
  });

  it("lets the owner organization's users mark their own actions done, and no one else", async () => {
    const own = await actionNamed("Confirm customers' minimum volumes in writing");
    const irels = await actionNamed("Model a two-year step-down of export volumes");
    const meti = await actionNamed("Share Japan's assessment of alternative supply sources");
    const counterpart = await cookieFor("counterpart@accord.test");

    expect(
      (await call(actionsAction, post("/actions", { actionId: irels.id, version: String(irels.version) }, counterpart))).status,
    ).toBe(404);
    expect(
      (await call(actionsAction, post("/actions", { actionId: meti.id, version: String(meti.version) }, counterpart))).status,
    ).toBe(404);
    expect(
      (
        await call(
          actionsAction,
          post("/actions", { actionId: meti.id, version: String(meti.version) }, await cookieFor("official@accord.test")),
        )
      ).status,
    ).toBe(404);
    expect((await actionNamed(irels.description)).status).toBe("open");

    expect(
      (await call(actionsAction, post("/actions", { actionId: own.id, version: String(own.version) }, counterpart))).status,
    ).toBe(200);
    const done = await actionNamed(own.description);
    expect(done.status).toBe("done");
    expect(done.completed_at).not.toBeNull();
    expect(
      (await call(actionsAction, post("/actions", { actionId: own.id, version: String(own.version) }, counterpart))).status,
    ).toBe(409);
    const audit = await getDb().selectFrom("audit_events").select("action").where("entity_id", "=", own.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["follow_up.complete"]);
  });
});
